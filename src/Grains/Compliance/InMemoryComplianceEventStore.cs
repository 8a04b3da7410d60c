namespace ComplianceGrains.Compliance;

/// <summary>The event store of memory mode, in the silo's memory.</summary>
public sealed class InMemoryComplianceEventStore : IComplianceEventStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, List<ComplianceEvent>> _byProvider = [];
    private readonly HashSet<Guid> _ids = [];

    public Task AppendAsync(IReadOnlyList<ComplianceEvent> events)
    {
        lock (_lock)
        {
            foreach (var e in events.Where(e => _ids.Add(e.Id)))
            {
                if (!_byProvider.TryGetValue(e.ServiceProviderId, out var list)) _byProvider[e.ServiceProviderId] = list = [];
                list.Add(e);
            }
        }
        return Task.CompletedTask;
    }

    public Task<Page<ComplianceEvent>> ListAsync(Guid serviceProviderId, ComplianceEventFilter filter, PageRequest page)
    {
        lock (_lock)
        {
            var matching = (_byProvider.GetValueOrDefault(serviceProviderId) ?? [])
                .Where(e => filter.Type is null || e.Type == filter.Type)
                .Where(e => filter.OfferingId is null || e.OfferingId == filter.OfferingId)
                .Where(e => filter.OfferingUserId is null || e.OfferingUserId == filter.OfferingUserId)
                .Where(e => filter.CreatedAfter is null || e.Created > filter.CreatedAfter)
                .Reverse()
                .ToList();
            return Task.FromResult(new Page<ComplianceEvent>(matching.Skip(page.Offset).Take(page.Limit).ToList(), matching.Count));
        }
    }
}

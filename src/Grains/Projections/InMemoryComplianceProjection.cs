using System.Collections.Concurrent;
using ComplianceGrains.Compliance;

namespace ComplianceGrains.Projections;

/// <summary>The projection of embedded mode: rows in the silo's memory.</summary>
public sealed class InMemoryComplianceProjection : IComplianceProjection
{
    private readonly ConcurrentDictionary<Guid, OfferingUserSnapshot> _rows = new();

    public Task UpsertAsync(OfferingUserSnapshot snapshot)
    {
        _rows.AddOrUpdate(snapshot.Id, snapshot, (_, current) => snapshot.Version > current.Version ? snapshot : current);
        return Task.CompletedTask;
    }

    private IEnumerable<OfferingUserSnapshot> Live => _rows.Values.Where(row => !row.Deleted);

    public Task<Page<OfferingUserSnapshot>> ListOfferingUsersAsync(
        OfferingUserVisibility visibility, OfferingUserFilter filter, PageRequest page)
    {
        var rows = Live
            .Where(visibility.Allows)
            .Where(row => filter.OfferingId is not { } offeringId || row.OfferingUser.OfferingId == offeringId)
            .Where(row => filter.UserId is not { } userId || row.OfferingUser.UserId == userId)
            .OrderByDescending(row => row.OfferingUser.Created)
            .ThenBy(row => row.Id);
        return Task.FromResult(ToPage(rows, page));
    }

    public Task<Page<OfferingUserSnapshot>> ListProviderOfferingUsersAsync(
        Guid serviceProviderId, ProviderOfferingUserFilter filter, PageRequest page)
    {
        var rows = Live
            .Where(row => row.OfferingUser.ServiceProviderId == serviceProviderId)
            .Where(row => filter.OfferingId is not { } offeringId || row.OfferingUser.OfferingId == offeringId)
            .Where(row => filter.ComplianceStatus is not { } status || ComplianceStatusRule.Of(row) == status)
            .OrderBy(row => row.OfferingUser.OfferingName, StringComparer.Ordinal)
            .ThenBy(row => row.OfferingUser.UserFullName, StringComparer.Ordinal)
            .ThenBy(row => row.Id);
        return Task.FromResult(ToPage(rows, page));
    }

    public Task<Page<OfferingUserSnapshot>> ListCompletionsAsync(
        OfferingUserVisibility visibility, CompletionFilter filter, PageRequest page)
    {
        var rows = Live
            .Where(row => row.Completion is not null)
            .Where(visibility.Allows)
            .Where(row => filter.UserId is not { } userId || row.OfferingUser.UserId == userId)
            .Where(row => filter.OfferingId is not { } offeringId || row.OfferingUser.OfferingId == offeringId)
            .Where(row => filter.IsCompleted is not { } completed || row.Completion!.IsCompleted == completed);
        return Task.FromResult(ToPage(CompletionOrdering.Apply(rows, filter.Ordering), page));
    }

    public Task<OfferingUserSnapshot?> FindByCompletionAsync(Guid completionId) =>
        Task.FromResult(Live.FirstOrDefault(row => row.Completion?.Id == completionId));

    public Task<IReadOnlyList<ComplianceCount>> CountsForProviderAsync(Guid serviceProviderId)
    {
        IReadOnlyList<ComplianceCount> counts = _rows.Values
            .Where(row => row.OfferingUser.ServiceProviderId == serviceProviderId)
            .Select(ComplianceCount.From)
            .ToList();
        return Task.FromResult(counts);
    }

    private static Page<OfferingUserSnapshot> ToPage(IEnumerable<OfferingUserSnapshot> rows, PageRequest page)
    {
        var all = rows.ToList();
        return new Page<OfferingUserSnapshot>(all.Skip(page.Offset).Take(page.Limit).ToList(), all.Count);
    }
}

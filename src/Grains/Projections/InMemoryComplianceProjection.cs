using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;

namespace ComplianceGrains.Projections;

/// <summary>The projection of embedded mode: rows in the silo's memory, with an index for providers' lists.</summary>
public sealed class InMemoryComplianceProjection(TimeProvider clock) : IComplianceProjection
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, OfferingUserSnapshot> _rows = [];
    private readonly ProviderRowIndex _providerIndex = new();

    public Task UpsertAsync(OfferingUserSnapshot snapshot)
    {
        lock (_lock)
        {
            var current = _rows.GetValueOrDefault(snapshot.Id);
            if (current is not null && current.Version >= snapshot.Version) return Task.CompletedTask;
            _rows[snapshot.Id] = snapshot;
            if (current is not null && ProviderRowIndex.SamePlace(current, snapshot)) return Task.CompletedTask;
            if (current is not null) _providerIndex.Remove(current);
            _providerIndex.Add(snapshot);
        }
        return Task.CompletedTask;
    }

    public Task<Page<OfferingUserSnapshot>> ListOfferingUsersAsync(
        OfferingUserVisibility visibility, OfferingUserFilter filter, PageRequest page)
    {
        var rows = Live()
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
        if (filter.IsOverdue is { } overdue)
        {
            // Overdue depends on the clock, so it has no index: the provider's rows are filtered as they are read.
            var now = clock.GetUtcNow().UtcDateTime;
            var rows = Live()
                .Where(row => row.OfferingUser.ServiceProviderId == serviceProviderId)
                .Where(row => filter.OfferingId is not { } offeringId || row.OfferingUser.OfferingId == offeringId)
                .Where(row => filter.ComplianceStatus is not { } status || ComplianceStatusRule.Of(row) == status)
                .Where(row => IsOverdue(row, now) == overdue)
                .OrderBy(row => row.OfferingUser.OfferingName, StringComparer.Ordinal)
                .ThenBy(row => row.OfferingUser.UserFullName, StringComparer.Ordinal)
                .ThenBy(row => row.Id);
            return Task.FromResult(ToPage(rows, page));
        }
        lock (_lock)
        {
            var ids = _providerIndex.Page(serviceProviderId, filter, page, id => SearchMatches(_rows[id], filter.Search!));
            return Task.FromResult(new Page<OfferingUserSnapshot>(ids.Items.Select(id => _rows[id]).ToList(), ids.TotalCount));
        }
    }

    private static bool SearchMatches(OfferingUserSnapshot row, string search) =>
        row.OfferingUser.UserFullName.Contains(search, StringComparison.OrdinalIgnoreCase)
        || row.OfferingUser.UserEmail.Contains(search, StringComparison.OrdinalIgnoreCase);

    public Task<Page<OfferingUserSnapshot>> ListCompletionsAsync(
        OfferingUserVisibility visibility, CompletionFilter filter, PageRequest page)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = Live()
            .Where(row => row.Completion is not null)
            .Where(visibility.Allows)
            .Where(row => filter.UserId is not { } userId || row.OfferingUser.UserId == userId)
            .Where(row => filter.OfferingId is not { } offeringId || row.OfferingUser.OfferingId == offeringId)
            .Where(row => filter.IsCompleted is not { } completed || row.Completion!.IsCompleted == completed)
            .Where(row => filter.IsOverdue is not { } overdue || IsOverdue(row, now) == overdue);
        return Task.FromResult(ToPage(CompletionOrdering.Apply(rows, filter.Ordering), page));
    }

    public Task<OfferingUserSnapshot?> FindByCompletionAsync(Guid completionId) =>
        Task.FromResult(Live().FirstOrDefault(row => row.Completion?.Id == completionId));

    public Task<IReadOnlyList<ComplianceCount>> CountsForProviderAsync(Guid serviceProviderId)
    {
        lock (_lock)
        {
            IReadOnlyList<ComplianceCount> counts = _rows.Values
                .Where(row => row.OfferingUser.ServiceProviderId == serviceProviderId)
                .Select(ComplianceCount.From)
                .ToList();
            return Task.FromResult(counts);
        }
    }

    private static bool IsOverdue(OfferingUserSnapshot row, DateTime now) =>
        row.Completion is { } c && ComplianceDeadlines.IsOverdueAt(c.IsCompleted, c.DueDate, c.ExpiresAt, now);

    private OfferingUserSnapshot[] Live()
    {
        lock (_lock) return _rows.Values.Where(row => !row.Deleted).ToArray();
    }

    private static Page<OfferingUserSnapshot> ToPage(IEnumerable<OfferingUserSnapshot> rows, PageRequest page)
    {
        var all = rows.ToList();
        return new Page<OfferingUserSnapshot>(all.Skip(page.Offset).Take(page.Limit).ToList(), all.Count);
    }
}

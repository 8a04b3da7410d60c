using System.Collections.Concurrent;
using ComplianceGrains.Marketplace;

namespace ComplianceGrains.Projections;

/// <summary>The projection of embedded mode: rows in the silo's memory.</summary>
public sealed class InMemoryOfferingUserProjection : IOfferingUserProjection
{
    private readonly ConcurrentDictionary<Guid, (OfferingUserView Row, long Version)> _rows = new();

    public Task UpsertAsync(OfferingUserView row, long version)
    {
        _rows.AddOrUpdate(
            row.Id,
            (row, version),
            (_, current) => version > current.Version ? (row, version) : current);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(Guid offeringUserId)
    {
        _rows.TryRemove(offeringUserId, out _);
        return Task.CompletedTask;
    }

    public Task<Page<OfferingUserView>> QueryAsync(OfferingUserVisibility visibility, OfferingUserFilter filter, PageRequest page)
    {
        var matching = _rows.Values
            .Select(entry => entry.Row)
            .Where(visibility.Allows)
            .Where(row => filter.OfferingId is not { } offeringId || row.OfferingId == offeringId)
            .Where(row => filter.UserId is not { } userId || row.UserId == userId)
            .OrderByDescending(row => row.Created)
            .ThenBy(row => row.Id)
            .ToList();
        var items = matching.Skip(page.Offset).Take(page.Limit).ToList();
        return Task.FromResult(new Page<OfferingUserView>(items, matching.Count));
    }
}

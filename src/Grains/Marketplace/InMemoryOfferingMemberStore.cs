using System.Collections.Concurrent;

namespace ComplianceGrains.Marketplace;

/// <summary>The offering members of embedded mode, in the silo's memory.</summary>
public sealed class InMemoryOfferingMemberStore : IOfferingMemberStore
{
    private readonly ConcurrentDictionary<Guid, Members> _offerings = new();

    public Task<Guid?> TryAddAsync(Guid offeringId, Guid userId, Guid offeringUserId)
    {
        var members = _offerings.GetOrAdd(offeringId, _ => new Members());
        lock (members)
        {
            if (members.ByUser.TryGetValue(userId, out var existing)) return Task.FromResult<Guid?>(existing);
            members.ByUser[userId] = offeringUserId;
            members.Ordered.Add(offeringUserId);
            return Task.FromResult<Guid?>(null);
        }
    }

    public Task RemoveAsync(Guid offeringId, Guid userId, Guid offeringUserId)
    {
        if (_offerings.TryGetValue(offeringId, out var members))
            lock (members)
                if (members.ByUser.TryGetValue(userId, out var existing) && existing == offeringUserId)
                {
                    members.ByUser.Remove(userId);
                    members.Ordered.Remove(offeringUserId);
                }
        return Task.CompletedTask;
    }

    public Task<int> CountAsync(Guid offeringId)
    {
        if (!_offerings.TryGetValue(offeringId, out var members)) return Task.FromResult(0);
        lock (members) return Task.FromResult(members.Ordered.Count);
    }

    public Task<IReadOnlyList<Guid>> NextAsync(Guid offeringId, Guid? after, int limit)
    {
        if (!_offerings.TryGetValue(offeringId, out var members)) return Task.FromResult<IReadOnlyList<Guid>>([]);
        lock (members)
        {
            IEnumerable<Guid> view = members.Ordered;
            if (after is { } cursor)
            {
                if (members.Ordered.Count == 0 || cursor.CompareTo(members.Ordered.Max) >= 0) return Task.FromResult<IReadOnlyList<Guid>>([]);
                view = members.Ordered.GetViewBetween(cursor, members.Ordered.Max).Where(id => id != cursor);
            }
            return Task.FromResult<IReadOnlyList<Guid>>(view.Take(limit).ToList());
        }
    }

    private sealed class Members
    {
        public Dictionary<Guid, Guid> ByUser { get; } = [];

        public SortedSet<Guid> Ordered { get; } = [];
    }
}

using ComplianceGrains.Compliance;

namespace ComplianceGrains.Projections;

/// <summary>
/// The in-memory index behind a provider's offering_users/: for each (provider, offering?, status?) the rows in
/// list order (offering name, then user full name), so a page costs about its own size, not a scan of every row.
/// Not thread-safe: its owner serialises access.
/// </summary>
internal sealed class ProviderRowIndex
{
    private readonly Dictionary<(Guid Provider, Guid? Offering, string? Status), BlockSortedList<RowKey>> _sets = [];

    public void Add(OfferingUserSnapshot row) => Apply(row, (set, key) => set.Add(key));

    public void Remove(OfferingUserSnapshot row) => Apply(row, (set, key) => set.Remove(key));

    /// <summary>True when the two snapshots of one offering user sit in the same places of the index.</summary>
    public static bool SamePlace(OfferingUserSnapshot a, OfferingUserSnapshot b) =>
        a.Deleted == b.Deleted
        && a.OfferingUser.ServiceProviderId == b.OfferingUser.ServiceProviderId
        && a.OfferingUser.OfferingId == b.OfferingUser.OfferingId
        && a.OfferingUser.OfferingName == b.OfferingUser.OfferingName
        && a.OfferingUser.UserFullName == b.OfferingUser.UserFullName
        && ComplianceStatusRule.Of(a) == ComplianceStatusRule.Of(b);

    /// <summary>
    /// A page of the filtered list. Without a search it costs about the page; a search walks the provider's rows of
    /// the other filters, asking <paramref name="matchesSearch"/> about each.
    /// </summary>
    public Page<Guid> Page(Guid provider, ProviderOfferingUserFilter filter, PageRequest page, Func<Guid, bool> matchesSearch)
    {
        if (!_sets.TryGetValue((provider, filter.OfferingId, filter.ComplianceStatus), out var set)) return new Page<Guid>([], 0);
        if (filter.Search is not null)
        {
            var matching = set.All(filter.Descending).Select(key => key.Id).Where(matchesSearch).ToList();
            return new Page<Guid>(matching.Skip(page.Offset).Take(page.Limit).ToList(), matching.Count);
        }
        if (!filter.Descending) return new Page<Guid>(set.Slice(page.Offset, page.Limit).ConvertAll(key => key.Id), set.Count);
        var end = set.Count - page.Offset;
        var start = Math.Max(0, end - page.Limit);
        var ids = end <= 0 ? [] : set.Slice(start, end - start).ConvertAll(key => key.Id);
        ids.Reverse();
        return new Page<Guid>(ids, set.Count);
    }

    private void Apply(OfferingUserSnapshot row, Action<BlockSortedList<RowKey>, RowKey> change)
    {
        if (row.Deleted) return;
        var u = row.OfferingUser;
        var key = new RowKey(u.OfferingName, u.UserFullName, row.Id);
        var status = ComplianceStatusRule.Of(row);
        foreach (var offering in new Guid?[] { null, u.OfferingId })
        foreach (var filterStatus in new[] { null, status })
        {
            var indexKey = (u.ServiceProviderId, offering, filterStatus);
            if (!_sets.TryGetValue(indexKey, out var set)) _sets[indexKey] = set = new BlockSortedList<RowKey>(RowKeyComparer.Instance);
            change(set, key);
        }
    }

    private readonly record struct RowKey(string OfferingName, string UserFullName, Guid Id);

    private sealed class RowKeyComparer : IComparer<RowKey>
    {
        public static readonly RowKeyComparer Instance = new();

        public int Compare(RowKey x, RowKey y)
        {
            var byOffering = string.CompareOrdinal(x.OfferingName, y.OfferingName);
            if (byOffering != 0) return byOffering;
            var byName = string.CompareOrdinal(x.UserFullName, y.UserFullName);
            return byName != 0 ? byName : x.Id.CompareTo(y.Id);
        }
    }
}

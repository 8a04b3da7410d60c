using System.Collections.Concurrent;

namespace ComplianceGrains.Catalog;

/// <summary>The catalogs of embedded mode, in the silo's memory.</summary>
public sealed class InMemoryCatalogStore : ICatalogStore
{
    private readonly ConcurrentDictionary<string, Entries> _catalogs = new();

    public Task AddAsync(string catalog, Guid id)
    {
        var entries = _catalogs.GetOrAdd(catalog, _ => new Entries());
        lock (entries)
            if (entries.Index.Add(id)) entries.Ids.Add(id);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string catalog, Guid id)
    {
        if (_catalogs.TryGetValue(catalog, out var entries))
            lock (entries)
                if (entries.Index.Remove(id)) entries.Ids.Remove(id);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Guid>> ListAsync(string catalog)
    {
        if (!_catalogs.TryGetValue(catalog, out var entries)) return Task.FromResult<IReadOnlyList<Guid>>([]);
        lock (entries) return Task.FromResult<IReadOnlyList<Guid>>(entries.Ids.ToArray());
    }

    public Task<Page<Guid>> PageAsync(string catalog, PageRequest page)
    {
        if (!_catalogs.TryGetValue(catalog, out var entries)) return Task.FromResult(new Page<Guid>([], 0));
        lock (entries)
            return Task.FromResult(new Page<Guid>(entries.Ids.Skip(page.Offset).Take(page.Limit).ToArray(), entries.Ids.Count));
    }

    private sealed class Entries
    {
        public List<Guid> Ids { get; } = [];

        public HashSet<Guid> Index { get; } = [];
    }
}

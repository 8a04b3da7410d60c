using System.Collections.Concurrent;

namespace ComplianceGrains.Compliance;

/// <summary>The history of embedded mode, in the silo's memory.</summary>
public sealed class InMemoryAnswerHistoryStore : IAnswerHistoryStore
{
    private readonly ConcurrentDictionary<Guid, SortedList<long, HistoryEntry>> _entries = new();

    public Task AppendAsync(IReadOnlyList<HistoryEntry> entries)
    {
        foreach (var group in entries.GroupBy(e => e.OfferingUserId))
        {
            var list = _entries.GetOrAdd(group.Key, _ => []);
            lock (list)
                foreach (var entry in group) list.TryAdd(entry.Sequence, entry);
        }
        return Task.CompletedTask;
    }

    public Task<Page<HistoryEntry>> ListAsync(Guid offeringUserId, PageRequest page)
    {
        if (!_entries.TryGetValue(offeringUserId, out var list)) return Task.FromResult(new Page<HistoryEntry>([], 0));
        lock (list)
        {
            var items = list.Values.Reverse().Skip(page.Offset).Take(page.Limit).ToList();
            return Task.FromResult(new Page<HistoryEntry>(items, list.Count));
        }
    }

    public Task DeleteAsync(Guid offeringUserId)
    {
        _entries.TryRemove(offeringUserId, out _);
        return Task.CompletedTask;
    }
}

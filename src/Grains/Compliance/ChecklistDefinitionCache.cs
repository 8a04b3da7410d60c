using System.Collections.Concurrent;
using ComplianceGrains.Checklists;

namespace ComplianceGrains.Compliance;

/// <summary>
/// Checklist definitions cached per silo by version: a definition is fetched from its checklist grain only
/// when a caller needs a newer version than the cached one.
/// </summary>
public sealed class ChecklistDefinitionCache(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<Guid, ChecklistDefinition> _definitions = new();

    public async Task<ChecklistDefinition?> GetAsync(Guid checklistId, long minimumVersion)
    {
        if (_definitions.TryGetValue(checklistId, out var cached) && cached.Version >= minimumVersion) return cached;
        var fetched = await grains.GetGrain<IChecklistGrain>(checklistId).GetDefinitionAsync();
        if (fetched is null) return null;
        return _definitions.AddOrUpdate(checklistId, fetched, (_, current) => fetched.Version >= current.Version ? fetched : current);
    }
}

using System.Collections.Concurrent;
using Orleans.Storage;

namespace ComplianceGrains.Silo.Memory;

/// <summary>
/// Grain storage of embedded mode: each grain's state serialized (Orleans' binary format) in a dictionary of the one
/// silo's process. Orleans' memory storage keeps the same bytes in storage grains, which costs every write a grain
/// call and a copy of the payload — a sixth of the host's CPU under a submission load, for a distribution across silos
/// that a single-silo mode never uses. ETags are checked as the other providers check them.
/// </summary>
public sealed class InProcessGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), Entry> _entries = new();
    private long _lastVersion;

    private sealed record Entry(BinaryData Payload, string ETag);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_entries.TryGetValue((stateName, grainId), out var entry))
            GrainStateRecords.Found<T>(grainState, serializer.Deserialize<T>(entry.Payload), entry.ETag);
        else
            GrainStateRecords.Missing(grainState);
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var written = new Entry(serializer.Serialize(grainState.State), NextETag());
        var stored = grainState.ETag is null
            ? _entries.TryAdd(key, written)
            : _entries.TryGetValue(key, out var current) && current.ETag == grainState.ETag && _entries.TryUpdate(key, written, current);
        if (!stored) throw GrainStateRecords.Conflict(stateName, grainId, grainState.ETag);
        grainState.ETag = written.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        if (grainState.ETag is not null)
        {
            var removed = _entries.TryGetValue(key, out var current) && current.ETag == grainState.ETag
                && _entries.TryRemove(KeyValuePair.Create(key, current));
            if (!removed) throw GrainStateRecords.Conflict(stateName, grainId, grainState.ETag);
        }
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string NextETag() => Interlocked.Increment(ref _lastVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

using Orleans.Storage;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// Hands grain states that are already serialized (Orleans' binary format, as both databases store them) to another
/// grain storage unchanged: copying a state needs neither its type nor a round trip through it.
/// </summary>
internal sealed class StoredBytesSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) =>
        input as BinaryData ?? throw new InvalidOperationException($"Only serialized states are copied, not {typeof(T)}.");

    public T Deserialize<T>(BinaryData input) => (T)(object)input;
}

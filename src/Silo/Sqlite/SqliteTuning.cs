namespace ComplianceGrains.Silo.Sqlite;

/// <summary>How the embedded database handles its write-ahead log; the defaults are what the service runs with.</summary>
/// <param name="WalRestartFrames">The size of the log, in pages, at which it is started again (<see cref="WalCheckpointer"/>).</param>
/// <param name="SyncLog">
/// Makes the log at the given path durable; null: fsync. Tests put a gate here to see that no write is acknowledged
/// before its sync.
/// </param>
public sealed record SqliteTuning(int WalRestartFrames = WalCheckpointer.DefaultRestartFrames, Action<string>? SyncLog = null);

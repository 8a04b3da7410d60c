using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file on a connection of its own, so that no commit waits for a
/// checkpoint. SQLite's automatic checkpoint runs inside the <c>COMMIT</c> that crosses its threshold: it copies every
/// page written since the last one and syncs the database file while the writer, and every write of the next group,
/// waits. Here a passive checkpoint (it never blocks the writer) follows the commits, at most one per
/// <see cref="Pause"/>; its own sync keeps <c>synchronous=FULL</c>.
/// <para>
/// SQLite starts the log again from its beginning only when a checkpoint has copied all of it, which a checkpoint
/// beside a writer that never pauses does not manage; under sustained writes the log would grow without end: every
/// write then extends the file (new blocks, zeroed by the file system first), the disk fills, and a crash is followed
/// by a recovery that reads all of it. Once the log holds <see cref="DefaultRestartFrames"/> frames, the writer itself
/// runs a passive checkpoint after its next commit (<see cref="CatchUp"/>): the checkpoints beside it have copied most
/// of the log, so it copies only the rest, and its next transaction starts the log again over the blocks it already
/// has. A checkpoint that would wait for the writer instead (SQLite's restarting modes) stalls it for the whole of the
/// client library's busy retry.
/// </para>
/// </summary>
internal sealed class WalCheckpointer : IAsyncDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>16 MB of 4 KB pages.</summary>
    public const int DefaultRestartFrames = 4096;

    private readonly int _restartFrames;
    private volatile bool _logIsLong;
    private readonly Channel<bool> _committed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SqliteConnection _connection;
    private readonly Task _loop;

    public WalCheckpointer(string connectionString, int restartFrames = DefaultRestartFrames)
    {
        _restartFrames = restartFrames;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        SqliteDatabase.Execute(_connection, "PRAGMA synchronous=FULL");
        _loop = Task.Run(CheckpointAfterCommitsAsync);
    }

    /// <summary>A transaction committed: the log has pages to copy.</summary>
    public void Committed() => _committed.Writer.TryWrite(true);

    private async Task CheckpointAfterCommitsAsync()
    {
        while (await _committed.Reader.WaitToReadAsync())
        {
            _committed.Reader.TryRead(out _);
            try
            {
                var (logFrames, _) = Checkpoint(_connection);
                _logIsLong = logFrames >= _restartFrames;
            }
            catch (SqliteException)
            {
                // The log only stays longer: the next checkpoint copies what this one could not, and a failing file
                // fails the writer's own commits, which is where it is reported.
            }
            await Task.Delay(Pause);
        }
    }

    /// <summary>
    /// On the writer's connection, between its transactions: once the log is long, copies the rest of it, so that the
    /// next transaction starts it again. A checkpoint under way beside it makes this one a no-op; the next commit retries.
    /// </summary>
    public void CatchUp(SqliteConnection writer)
    {
        if (!_logIsLong) return;
        try
        {
            var (logFrames, copiedFrames) = Checkpoint(writer);
            if (copiedFrames == logFrames) _logIsLong = false;
        }
        catch (SqliteException)
        {
            // The log only stays longer; the commit before this has succeeded either way.
        }
    }

    /// <summary>A passive checkpoint: the frames the log holds and those of them copied into the database file.</summary>
    private static (long LogFrames, long CopiedFrames) Checkpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
    }

    /// <summary>Waits for the checkpoint under way and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _committed.Writer.TryComplete();
        await _loop;
        _connection.Dispose();
    }
}

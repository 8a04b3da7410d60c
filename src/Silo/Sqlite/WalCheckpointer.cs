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
/// beside a writer that never pauses does not manage: under sustained writes the log would grow without end (every
/// write extending the file, whose new blocks the file system zeroes first, the disk filling, and a crash followed by
/// a recovery that reads all of it). So the writer keeps SQLite's own automatic checkpoint, at
/// <see cref="DefaultRestartFrames"/> pages instead of 1,000: by then the checkpoints here have copied most of the
/// log, the writer's copies the rest, and its next transaction starts the log again over the blocks it already has.
/// </para>
/// </summary>
internal sealed class WalCheckpointer : IAsyncDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>The log's size, in pages (16 MB of 4 KB pages), at which the writer's own checkpoint completes it.</summary>
    public const int DefaultRestartFrames = 4096;
    private readonly Channel<bool> _committed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SqliteConnection _connection;
    private readonly Task _loop;

    public WalCheckpointer(string connectionString)
    {
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
                SqliteDatabase.Execute(_connection, "PRAGMA wal_checkpoint(PASSIVE)");
            }
            catch (SqliteException)
            {
                // The log only stays longer: the next checkpoint copies what this one could not, and a failing file
                // fails the writer's own commits, which is where it is reported.
            }
            await Task.Delay(Pause);
        }
    }

    /// <summary>Waits for the checkpoint under way and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _committed.Writer.TryComplete();
        await _loop;
        _connection.Dispose();
    }
}

using ComplianceGrains.Silo.Sqlite;
using ComplianceGrains.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ComplianceGrains.Tests.Sqlite;

/// <summary>The embedded database's write-ahead log: when a write counts as durable, and how large the log may grow.</summary>
public sealed class WriteAheadLogTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_committed_write_is_acknowledged_only_after_the_log_was_synced()
    {
        using var directory = new TemporaryDirectory();
        using var syncMayRun = new ManualResetEventSlim();
        var syncedPaths = new List<string>();
        await using var database = SqliteDatabase.Open(directory.Path, new SqliteTuning(SyncLog: path =>
        {
            syncMayRun.Wait(Patience);
            lock (syncedPaths) syncedPaths.Add(path);
        }));
        var catalog = new SqliteCatalogStore(database);
        var id = Guid.NewGuid();

        var write = catalog.AddAsync("durable", id);
        await Eventually.UntilAsync(() => Task.FromResult(CommittedEntries(directory.Path, "durable")), n => n == 1, "the committed row");

        // Committed and readable by another connection, yet not acknowledged, and not served from memory either.
        Assert.False(write.IsCompleted);
        Assert.Empty(await catalog.ListAsync("durable"));
        syncMayRun.Set();
        await write.WaitAsync(Patience);
        Assert.Equal([id], await catalog.ListAsync("durable"));
        lock (syncedPaths) Assert.Contains(database.LogPath, syncedPaths);
    }

    [Fact]
    public async Task A_failed_sync_of_the_log_fails_the_writes_it_was_to_make_durable()
    {
        using var directory = new TemporaryDirectory();
        var failNextSync = true;
        await using var database = SqliteDatabase.Open(directory.Path, new SqliteTuning(SyncLog: _ =>
        {
            if (failNextSync) throw new IOException("the disk refused the sync");
        }));
        var catalog = new SqliteCatalogStore(database);

        var refused = await Assert.ThrowsAsync<IOException>(() => catalog.AddAsync("refused", Guid.NewGuid()));

        Assert.Contains("refused the sync", refused.Message);
        failNextSync = false;
        var id = Guid.NewGuid();
        await catalog.AddAsync("accepted", id);
        Assert.Equal([id], await catalog.ListAsync("accepted"));
    }

    [Fact]
    public async Task The_log_stays_bounded_under_sustained_writes()
    {
        const int restartFrames = 64;
        using var directory = new TemporaryDirectory();
        await using var database = SqliteDatabase.Open(directory.Path, new SqliteTuning(WalRestartFrames: restartFrames));
        await database.WriteAsync(connection => connection.Execute("CREATE TABLE load (id integer PRIMARY KEY, payload blob NOT NULL)"));
        var payload = new byte[8 * 1024];
        Random.Shared.NextBytes(payload);
        long largestLog = 0;
        var written = 0;

        // 32 writers that never pause, so the writer connection is never idle and 48 MB pass through the log.
        await Task.WhenAll(Enumerable.Range(0, 32).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 192; i++)
            {
                await database.WriteAsync(connection => connection.Execute("INSERT INTO load (payload) VALUES ($1)", payload));
                Interlocked.Increment(ref written);
                var size = new FileInfo(database.LogPath).Length;
                long seen;
                while (size > (seen = Interlocked.Read(ref largestLog)) && Interlocked.CompareExchange(ref largestLog, size, seen) != seen) { }
            }
        })));

        Assert.Equal(32 * 192, written);
        var writtenBytes = (long)written * payload.Length;
        Assert.True(largestLog < writtenBytes / 4,
            $"The log reached {largestLog:N0} bytes while {writtenBytes:N0} bytes were written; it is restarted after {restartFrames} pages.");
    }

    private static long CommittedEntries(string directory, string catalog)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteDatabase.FileName)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM catalog_entries WHERE catalog = $catalog";
        command.Parameters.AddWithValue("$catalog", catalog);
        return (long)command.ExecuteScalar()!;
    }
}

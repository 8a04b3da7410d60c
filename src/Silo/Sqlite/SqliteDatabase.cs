using ComplianceGrains.Silo.Schema;
using Microsoft.Data.Sqlite;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// The SQLite file of embedded mode (<c>compliance.db</c> in the data directory), shared by every embedded store. The
/// directory is locked for this process; the schema is migrated when the database is opened. Reads use pooled
/// connections of their own (WAL: readers never wait for the writer). Writes go through one writer connection: the
/// writes that arrive together run in one transaction (group commit), a refused write (one whose statement failed)
/// does not undo the others, and a write's task completes only after its transaction's pages were synced to the disk
/// (<see cref="WalSync"/>: the sync that <c>synchronous=FULL</c> does inside every <c>COMMIT</c>, done beside the
/// writer).
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable, IDisposable
{
    public const string FileName = "compliance.db";

    private readonly DataDirectoryLock _lock;
    private readonly SqliteConnection _writer;
    private readonly GroupCommit<SqliteWrite> _writes;
    private readonly WalCheckpointer _checkpointer;
    private readonly WalSync _sync;
    private FileStream? _log;

    /// <summary>After a restart of the log, a file larger than this is cut back to it (a burst does not keep its size).</summary>
    private const long LogSizeLimit = 64L * 1024 * 1024;

    private SqliteDatabase(string directory, DataDirectoryLock directoryLock, SqliteTuning tuning)
    {
        Directory = directory;
        _lock = directoryLock;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, FileName),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _writer = new SqliteConnection(ConnectionString);
        _writer.Open();
        // NORMAL: a COMMIT writes the log without syncing it; WalSync syncs it before any write is acknowledged. The
        // writer's page cache (64 MB instead of 2 MB) keeps the pages its updates descend through, which otherwise
        // cost a read from the file system each.
        Execute(_writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;");
        Migration = new SqliteSchemaMigrator(_writer).Migrate();
        // Checkpoints run beside the writer (WalCheckpointer); its own completes the log only once the log is long.
        Execute(_writer, $"PRAGMA wal_autocheckpoint={tuning.WalRestartFrames}; PRAGMA journal_size_limit={LogSizeLimit}");
        _checkpointer = new WalCheckpointer(ConnectionString);
        _sync = new WalSync(tuning.SyncLog is { } syncLog ? () => syncLog(LogPath) : SyncLog);
        SqliteCommands.KeepStatements(_writer);
        _writes = new GroupCommit<SqliteWrite>("sqlite", WriteBatchAsync, writers: 1, maxBatch: 512);
    }

    public string Directory { get; }

    /// <summary>The write-ahead log beside the database file.</summary>
    public string LogPath => Path.Combine(Directory, FileName + "-wal");

    public string ConnectionString { get; }

    /// <summary>The scripts applied when this process opened the file (none when it was up to date).</summary>
    public IReadOnlyList<SchemaScript> Migration { get; }

    /// <summary>Locks <paramref name="directory"/> (creating it if needed), opens its database and migrates it.</summary>
    /// <exception cref="DataDirectoryInUseException">Another process holds the directory.</exception>
    public static SqliteDatabase Open(string directory, SqliteTuning? tuning = null)
    {
        var directoryLock = DataDirectoryLock.Acquire(directory);
        try
        {
            return new SqliteDatabase(directory, directoryLock, tuning ?? new SqliteTuning());
        }
        catch
        {
            directoryLock.Dispose();
            throw;
        }
    }

    /// <summary>A pooled connection for reading.</summary>
    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="apply"/> on the writer connection inside the next group transaction and answers its result
    /// once that transaction has committed and reached the disk. <paramref name="afterCommit"/> runs then, in commit order (for
    /// in-memory copies of the data); an exception of <paramref name="apply"/> undoes its own changes only: a write of
    /// several statements that must stand or fall together says so with <paramref name="atomic"/> (a savepoint).
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, T> apply, Action<T>? afterCommit = null, bool atomic = false)
    {
        var write = new SqliteWrite(
            connection => apply(connection),
            afterCommit is null ? null : result => afterCommit((T)result!),
            atomic);
        await _writes.WriteAsync(write);
        await write.Durable!;
        if (write.Error is { } error) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        return (T)write.Result!;
    }

    public Task WriteAsync(Action<SqliteConnection> apply, Action? afterCommit = null, bool atomic = false) =>
        WriteAsync<object?>(connection =>
        {
            apply(connection);
            return null;
        }, afterCommit is null ? null : _ => afterCommit(), atomic);

    private Task WriteBatchAsync(IReadOnlyList<SqliteWrite> batch)
    {
        _writer.Execute("BEGIN IMMEDIATE");
        try
        {
            foreach (var write in batch)
            {
                // A plain write is one statement, or statements whose failure can only be the file's (which fails the
                // whole batch below): a statement that fails is undone by SQLite itself. An atomic one has a savepoint.
                if (write.Atomic) _writer.Execute("SAVEPOINT write");
                try
                {
                    write.Result = write.Apply(_writer);
                    if (write.Atomic) _writer.Execute("RELEASE write");
                }
                catch (Exception e) when (e is not SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_FULL or SQLitePCL.raw.SQLITE_IOERR })
                {
                    write.Error = e;
                    if (write.Atomic)
                    {
                        _writer.Execute("ROLLBACK TO write");
                        _writer.Execute("RELEASE write");
                    }
                }
            }
            _writer.Execute("COMMIT");
            _checkpointer.Committed();
        }
        catch
        {
            if (!_writer.Handle!.IsInvalid && SQLitePCL.raw.sqlite3_get_autocommit(_writer.Handle) == 0) Execute(_writer, "ROLLBACK");
            throw;
        }

        var durable = _sync.Committed(() =>
        {
            foreach (var write in batch)
                if (write.Error is null) write.AfterCommit?.Invoke(write.Result);
        });
        foreach (var write in batch) write.Durable = durable;
        return Task.CompletedTask;
    }

    /// <summary>fsync of the log file (through a handle of its own: a sync covers the file, whoever wrote it).</summary>
    private void SyncLog()
    {
        _log ??= new FileStream(LogPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        _log.Flush(flushToDisk: true);
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Waits for the writes in flight, closes the file and releases the directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writes.DisposeAsync();
        await _sync.DisposeAsync();
        _log?.Dispose();
        await _checkpointer.DisposeAsync();
        SqliteCommands.ForgetStatements(_writer);
        _writer.Dispose();
        using (var pooled = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(pooled);
        _lock.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed class SqliteWrite(Func<SqliteConnection, object?> apply, Action<object?>? afterCommit, bool atomic)
    {
        public Func<SqliteConnection, object?> Apply { get; } = apply;

        public Action<object?>? AfterCommit { get; } = afterCommit;

        public bool Atomic { get; } = atomic;

        public object? Result { get; set; }

        public Exception? Error { get; set; }

        /// <summary>Completes once the transaction that carried the write is on the disk.</summary>
        public Task? Durable { get; set; }
    }
}

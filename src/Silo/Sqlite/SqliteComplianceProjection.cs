using System.Diagnostics;
using ComplianceGrains.Compliance;
using ComplianceGrains.Projections;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// The projection of embedded mode: rows on disk (<c>projection_rows</c>), queries served by the in-memory projection
/// and its indexes, which are rebuilt from the file at start and changed after each commit.
/// </summary>
public sealed class SqliteComplianceProjection : IComplianceProjection
{
    private readonly SqliteDatabase _database;
    private readonly InMemoryComplianceProjection _memory;

    public SqliteComplianceProjection(SqliteDatabase database, TimeProvider time, ILogger<SqliteComplianceProjection> logger)
    {
        _database = database;
        _memory = new InMemoryComplianceProjection(time);
        var clock = Stopwatch.StartNew();
        var rows = 0;
        var sharing = SnapshotJson.SharingOptions();
        using (var connection = database.OpenReader())
        {
            // One streaming read; the rows' JSON is decoded on every core, and the index takes them under its lock.
            Parallel.ForEach(StoredRows(connection), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, json =>
            {
                _memory.UpsertAsync(SnapshotJson.Read(json, sharing));
                Interlocked.Increment(ref rows);
            });
        }
        logger.LogInformation("Loaded {Rows} projection rows from {Directory} in {Seconds:F2} s", rows, database.Directory, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Every stored row's snapshot as UTF-8 JSON, as the file holds it (no transcoding).</summary>
    private static IEnumerable<byte[]> StoredRows(SqliteConnection connection)
    {
        using var command = connection.Command("SELECT snapshot FROM projection_rows");
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return reader.GetFieldValue<byte[]>(0);
    }

    public Task UpsertAsync(OfferingUserSnapshot snapshot)
    {
        var json = SnapshotJson.Write(snapshot);
        return _database.WriteAsync(connection => Upsert(connection, snapshot, json), () => Committed(snapshot));
    }

    /// <summary>Upserts the row of <paramref name="snapshot"/> (unless a newer one is stored) in the transaction under way.</summary>
    internal static void Upsert(SqliteConnection connection, OfferingUserSnapshot snapshot, string json) =>
        connection.Execute("""
            INSERT INTO projection_rows (id, version, snapshot) VALUES ($1, $2, $3)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, snapshot = excluded.snapshot
            WHERE projection_rows.version < excluded.version
            """, snapshot.Id, snapshot.Version, json);

    /// <summary>Serves a snapshot whose row has committed.</summary>
    internal void Committed(OfferingUserSnapshot snapshot) => _memory.UpsertAsync(snapshot);

    public Task<Page<OfferingUserSnapshot>> ListOfferingUsersAsync(OfferingUserVisibility visibility, OfferingUserFilter filter, PageRequest page) =>
        _memory.ListOfferingUsersAsync(visibility, filter, page);

    public Task<Page<OfferingUserSnapshot>> ListProviderOfferingUsersAsync(Guid serviceProviderId, ProviderOfferingUserFilter filter, PageRequest page) =>
        _memory.ListProviderOfferingUsersAsync(serviceProviderId, filter, page);

    public Task<Page<OfferingUserSnapshot>> ListCompletionsAsync(OfferingUserVisibility visibility, CompletionFilter filter, PageRequest page) =>
        _memory.ListCompletionsAsync(visibility, filter, page);

    public Task<OfferingUserSnapshot?> FindByCompletionAsync(Guid completionId) => _memory.FindByCompletionAsync(completionId);

    public Task<IReadOnlyList<ComplianceCount>> CountsForProviderAsync(Guid serviceProviderId) => _memory.CountsForProviderAsync(serviceProviderId);
}

using ComplianceGrains.Compliance;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// Grain storage of embedded mode: each grain's state in Orleans' binary format in <c>grain_state</c>, with the ETag
/// contract of the ADO.NET provider (a write or clear with a stale ETag is refused and changes nothing). With the
/// projection at hand, a write also commits what the state owes (<see cref="OwedWithState"/>: projection row, history
/// entries, events) in the same transaction, so a submission costs one share of one group commit, and a crash keeps
/// all of it or none.
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, IGrainStorageSerializer serializer, SqliteComplianceProjection? projection = null)
    : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var connection = database.OpenReader();
        using var command = connection.Command(
            "SELECT payload, etag FROM grain_state WHERE state_name = $1 AND grain_id = $2", stateName, grainId.ToString());
        using var reader = command.ExecuteReader();
        if (reader.Read())
            GrainStateRecords.Found<T>(grainState, serializer.Deserialize<T>(new BinaryData((byte[])reader[0])), reader.GetString(1));
        else
            GrainStateRecords.Missing(grainState);
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        var etag = Guid.NewGuid().ToString("N");
        var expected = grainState.ETag;
        var key = grainId.ToString();
        var owed = projection is null ? null : OwedWithState.TryTake(grainId);
        var row = owed?.Snapshot is { } snapshot ? SnapshotJson.Write(snapshot) : null;
        var history = owed is null ? null : SqliteAnswerHistoryStore.RowsOf(owed.History);
        var stored = await database.WriteAsync(
            connection =>
            {
                var written = expected is null
                    ? connection.Execute(
                        "INSERT INTO grain_state (state_name, grain_id, payload, etag) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                        stateName, key, payload, etag)
                    : connection.Execute(
                        "UPDATE grain_state SET payload = $3, etag = $4 WHERE state_name = $1 AND grain_id = $2 AND etag = $5",
                        stateName, key, payload, etag, expected);
                if (written == 1 && owed is not null) WriteOwed(connection, owed, row, history!);
                return written;
            },
            written =>
            {
                if (written == 1 && owed?.Snapshot is { } committed) projection!.Committed(committed);
            },
            atomic: owed is not null);
        if (stored == 0) throw GrainStateRecords.Conflict(stateName, grainId, expected);
        owed?.Committed(OwedParts.All);
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    private static void WriteOwed(SqliteConnection connection, OwedWithState owed, string? row, IReadOnlyList<HistoryRow> history)
    {
        if (owed.Snapshot is { } snapshot) SqliteComplianceProjection.Upsert(connection, snapshot, row!);
        SqliteAnswerHistoryStore.Insert(connection, history);
        SqliteComplianceEventStore.Insert(connection, owed.Events);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is { } expected)
        {
            var removed = await database.WriteAsync(connection => connection.Execute(
                "DELETE FROM grain_state WHERE state_name = $1 AND grain_id = $2 AND etag = $3", stateName, grainId.ToString(), expected));
            if (removed == 0) throw GrainStateRecords.Conflict(stateName, grainId, expected);
        }
        grainState.ETag = null;
        grainState.RecordExists = false;
    }
}

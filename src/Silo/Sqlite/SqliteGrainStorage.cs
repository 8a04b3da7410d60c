using Orleans.Storage;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// Grain storage of embedded mode: each grain's state in Orleans' binary format in <c>grain_state</c>, with the ETag
/// contract of the ADO.NET provider (a write or clear with a stale ETag is refused and changes nothing).
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, IGrainStorageSerializer serializer) : IGrainStorage
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
        var stored = await database.WriteAsync(connection => expected is null
            ? connection.Execute(
                "INSERT INTO grain_state (state_name, grain_id, payload, etag) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                stateName, grainId.ToString(), payload, etag)
            : connection.Execute(
                "UPDATE grain_state SET payload = $3, etag = $4 WHERE state_name = $1 AND grain_id = $2 AND etag = $5",
                stateName, grainId.ToString(), payload, etag, expected));
        if (stored == 0) throw GrainStateRecords.Conflict(stateName, grainId, expected);
        grainState.ETag = etag;
        grainState.RecordExists = true;
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

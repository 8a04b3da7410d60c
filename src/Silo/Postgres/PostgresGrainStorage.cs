using ComplianceGrains.Compliance;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace ComplianceGrains.Silo.Postgres;

/// <summary>
/// Grain storage of cluster mode: each grain's state in Orleans' binary format in <c>compliance_grain_state</c>. The
/// writes of concurrent grains of a silo are group-committed, one statement per batch; each row is written only if it
/// still has the ETag its grain read, and only the writes whose ETag lost fail (<see cref="InconsistentStateException"/>).
/// A cleared state keeps its row (no payload, a new ETag), so that a stale activation still conflicts. The history
/// entries a write owes (<see cref="OwedWithState"/>) are appended by the same statement, so that a submission's state
/// and its history commit together and its outbox has no history left to append.
/// <para>
/// States stored by Orleans' ADO.NET provider before this table existed stay in <c>orleans_storage</c> and are read
/// from there by <paramref name="legacy"/> when this table has no row for them; their ETag there is the provider's
/// version (a number, never a <see cref="Guid"/>), and the first write or clear of such a state moves it here, on
/// condition that no row exists here yet. The old rows are then shadowed, never changed.
/// </para>
/// </summary>
public sealed class PostgresGrainStorage : IGrainStorage, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IGrainStorage? _legacy;
    private bool? _legacyHasStates;
    private readonly GroupCommit<StateWrite> _writes;

    /// <param name="legacy">Orleans' ADO.NET storage on <c>orleans_storage</c>, for states stored before; null when there are none.</param>
    public PostgresGrainStorage(NpgsqlDataSource dataSource, string serviceId, IGrainStorageSerializer serializer, IGrainStorage? legacy)
    {
        _dataSource = dataSource;
        _serviceId = serviceId;
        _serializer = serializer;
        _legacy = legacy;
        _writes = new GroupCommit<StateWrite>("grain-state", WriteBatchAsync, writers: 4, maxBatch: 256);
    }

    /// <summary>
    /// One grain's write in a batch, with the history entries it owes (<see cref="OwedWithState"/>);
    /// <see cref="Stored"/> tells its caller whether its ETag won, <see cref="HistoryStored"/> whether the entries went
    /// into the same transaction.
    /// </summary>
    private sealed record StateWrite(string StateName, string GrainId, byte[] Payload, Guid? Expected, Guid ETag, IReadOnlyList<HistoryEntry> History)
    {
        public bool Stored { get; set; }
        public bool HistoryStored { get; set; }
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT payload, etag FROM compliance_grain_state WHERE service_id = $1 AND state_name = $2 AND grain_id = $3");
        command.Parameters.Add(new() { Value = _serviceId });
        command.Parameters.Add(new() { Value = stateName });
        command.Parameters.Add(new() { Value = grainId.ToString() });
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync())
            {
                var etag = reader.GetGuid(1).ToString("N");
                if (reader.IsDBNull(0))
                {
                    GrainStateRecords.Missing(grainState);
                    grainState.ETag = etag;
                }
                else
                {
                    GrainStateRecords.Found(grainState, _serializer.Deserialize<T>(new BinaryData(reader.GetFieldValue<byte[]>(0))), etag);
                }
                return;
            }
        }

        if (await LegacyHasStatesAsync()) await _legacy!.ReadStateAsync(stateName, grainId, grainState);
        else GrainStateRecords.Missing(grainState);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var owed = OwedWithState.TryTake(grainId);
        var write = new StateWrite(stateName, grainId.ToString(), _serializer.Serialize(grainState.State).ToArray(),
            StoredETag(grainState.ETag), Guid.NewGuid(), owed?.History ?? []);
        await _writes.WriteAsync(write);
        if (!write.Stored) throw GrainStateRecords.Conflict(stateName, grainId, grainState.ETag);
        grainState.ETag = write.ETag.ToString("N");
        grainState.RecordExists = true;
        if (write.HistoryStored) owed!.Committed(OwedParts.History);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is { } current)
        {
            var etag = Guid.NewGuid();
            await using var command = _dataSource.CreateCommand(StoredETag(current) is null
                ? "INSERT INTO compliance_grain_state (service_id, state_name, grain_id, payload, etag) VALUES ($1, $2, $3, NULL, $4) ON CONFLICT DO NOTHING"
                : "UPDATE compliance_grain_state SET payload = NULL, etag = $4 WHERE service_id = $1 AND state_name = $2 AND grain_id = $3 AND etag = $5");
            command.Parameters.Add(new() { Value = _serviceId });
            command.Parameters.Add(new() { Value = stateName });
            command.Parameters.Add(new() { Value = grainId.ToString() });
            command.Parameters.Add(new() { Value = etag });
            if (StoredETag(current) is { } expected) command.Parameters.Add(new() { Value = expected });
            if (await command.ExecuteNonQueryAsync() == 0) throw GrainStateRecords.Conflict(stateName, grainId, current);
            grainState.ETag = etag.ToString("N");
        }
        grainState.RecordExists = false;
    }

    public ValueTask DisposeAsync() => _writes.DisposeAsync();

    /// <summary>The ETag of a row of this table; null for none, or for a state read from <c>orleans_storage</c>.</summary>
    private static Guid? StoredETag(string? etag) => Guid.TryParseExact(etag, "N", out var stored) ? stored : null;

    /// <summary>
    /// Updates the rows whose ETag is still the expected one and inserts the rows that expect none, and appends the
    /// history entries of the writes that were stored, in one statement (one transaction); the ETags it returns are those
    /// of the writes that were stored. When PostgreSQL refuses the text of an entry, the states are written without
    /// their entries, which stay with their outboxes (whose appends store a refused entry as a rejected one).
    /// </summary>
    private async Task WriteBatchAsync(IReadOnlyList<StateWrite> batch)
    {
        try
        {
            await WriteBatchAsync(batch, withHistory: true);
        }
        catch (PostgresException e) when (PostgresAnswerHistoryStore.RejectedTextStates.Contains(e.SqlState))
        {
            await WriteBatchAsync(batch, withHistory: false);
        }
    }

    private async Task WriteBatchAsync(IReadOnlyList<StateWrite> batch, bool withHistory)
    {
        await using var command = _dataSource.CreateCommand("""
            WITH request AS (
                SELECT * FROM unnest($2::text[], $3::text[], $4::bytea[], $5::uuid[], $6::uuid[])
                    AS r (state_name, grain_id, payload, expected, etag)),
            updated AS (
                UPDATE compliance_grain_state s SET payload = r.payload, etag = r.etag
                FROM request r
                WHERE r.expected IS NOT NULL AND s.service_id = $1 AND s.state_name = r.state_name
                  AND s.grain_id = r.grain_id AND s.etag = r.expected
                RETURNING s.etag),
            inserted AS (
                INSERT INTO compliance_grain_state (service_id, state_name, grain_id, payload, etag)
                SELECT $1, state_name, grain_id, payload, etag FROM request WHERE expected IS NULL
                ON CONFLICT DO NOTHING
                RETURNING etag),
            stored AS (
                SELECT etag FROM updated UNION ALL SELECT etag FROM inserted),
            history AS (
                INSERT INTO compliance_answer_history
                    (offering_user_id, sequence, completion_id, question_id, question_description, answer, user_id, user_name, submitted)
                SELECT h.offering_user_id, h.sequence, h.completion_id, h.question_id, h.question_description, h.answer,
                       h.user_id, h.user_name, h.submitted
                FROM unnest($7::uuid[], $8::uuid[], $9::bigint[], $10::uuid[], $11::uuid[], $12::text[], $13::jsonb[],
                            $14::uuid[], $15::text[], $16::timestamptz[])
                    AS h (write_etag, offering_user_id, sequence, completion_id, question_id, question_description, answer,
                          user_id, user_name, submitted)
                WHERE h.write_etag IN (SELECT etag FROM stored)
                ON CONFLICT DO NOTHING)
            SELECT etag FROM stored
            """);
        command.Parameters.Add(new() { Value = _serviceId });
        command.Parameters.Add(ArrayParameter.Of(NpgsqlDbType.Text, batch.Select(w => w.StateName)));
        command.Parameters.Add(ArrayParameter.Of(NpgsqlDbType.Text, batch.Select(w => w.GrainId)));
        command.Parameters.Add(ArrayParameter.Of(NpgsqlDbType.Bytea, batch.Select(w => w.Payload)));
        command.Parameters.Add(ArrayParameter.Of(NpgsqlDbType.Uuid, batch.Select(w => w.Expected is { } e ? (object)e : DBNull.Value)));
        command.Parameters.Add(ArrayParameter.Of(NpgsqlDbType.Uuid, batch.Select(w => w.ETag)));
        var owed = withHistory ? batch.SelectMany(w => w.History.Select(entry => (w.ETag, Entry: entry))).ToList() : [];
        command.Parameters.Add(ArrayParameter.Of(NpgsqlDbType.Uuid, owed.Select(o => o.ETag)));
        PostgresAnswerHistoryStore.AddColumns(command.Parameters, owed.Select(o => o.Entry).ToList());
        var stored = new HashSet<Guid>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stored.Add(reader.GetGuid(0));
        foreach (var write in batch)
        {
            write.Stored = stored.Contains(write.ETag);
            write.HistoryStored = withHistory && write.Stored && write.History.Count > 0;
        }
    }

    /// <summary>Asked once (per silo): a database that never had Orleans' provider costs a miss no second read.</summary>
    private async ValueTask<bool> LegacyHasStatesAsync()
    {
        if (_legacy is null) return false;
        if (_legacyHasStates is { } known) return known;
        await using var command = _dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM orleans_storage WHERE service_id = $1)");
        command.Parameters.Add(new() { Value = _serviceId });
        return (_legacyHasStates = (bool)(await command.ExecuteScalarAsync())!).Value;
    }
}

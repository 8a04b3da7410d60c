using System.Text;
using ComplianceGrains.Compliance;
using ComplianceGrains.Projections;
using Npgsql;
using NpgsqlTypes;

namespace ComplianceGrains.Silo.Postgres;

/// <summary>The projection of cluster mode: <c>compliance_offering_users</c>, shared by every silo.</summary>
public sealed class PostgresComplianceProjection(NpgsqlDataSource dataSource, TimeProvider clock) : IComplianceProjection, IAsyncDisposable
{
    /// <summary>The overdue rule of <c>ComplianceDeadlines.IsOverdueAt</c>, against the instant in parameter {0}.</summary>
    private const string OverdueCondition =
        "(due_date IS NOT NULL AND due_date < ${0} AND NOT (coalesce(is_completed, false) AND (expires_at IS NULL OR expires_at > ${0})))";

    private const string Columns = "snapshot::text";

    /// <summary>Concurrent upserts of a silo are written together, one statement per batch.</summary>
    private readonly GroupCommit<OfferingUserSnapshot> _upserts = new(
        "projection", snapshots => UpsertBatchAsync(dataSource, snapshots), writers: 4, maxBatch: 256);

    public Task UpsertAsync(OfferingUserSnapshot snapshot) => _upserts.WriteAsync(snapshot);

    public ValueTask DisposeAsync() => _upserts.DisposeAsync();

    private static async Task UpsertBatchAsync(NpgsqlDataSource dataSource, IReadOnlyList<OfferingUserSnapshot> batch)
    {
        // One statement cannot update a row twice: the newest snapshot of each offering user stands for the others.
        // Rows in key order: concurrent batches then lock the rows they share in the same order and cannot deadlock.
        var snapshots = batch.GroupBy(s => s.Id).Select(g => g.MaxBy(s => s.Version)!).OrderBy(s => s.Id).ToList();
        // The completions list's sort key has a row of its own (db/013), written only for the upserts that replaced a
        // row, so that the projection row itself changes no indexed column in a submission.
        await using var command = dataSource.CreateCommand("""
            WITH upserted AS (
                INSERT INTO compliance_offering_users (id, version, deleted, offering_id, service_provider_id, customer_id, user_id,
                    offering_name, user_full_name, created, compliance_status, completion_id, checklist_id, is_completed,
                    completion_modified, snapshot, due_date, expires_at)
                SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::boolean[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[],
                    $8::text[], $9::text[], $10::timestamptz[], $11::text[], $12::uuid[], $13::uuid[], $14::boolean[],
                    $15::timestamptz[], $16::jsonb[], $17::timestamptz[], $18::timestamptz[])
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, deleted = EXCLUDED.deleted,
                    offering_name = EXCLUDED.offering_name, user_full_name = EXCLUDED.user_full_name,
                    compliance_status = EXCLUDED.compliance_status, completion_id = EXCLUDED.completion_id,
                    checklist_id = EXCLUDED.checklist_id, is_completed = EXCLUDED.is_completed,
                    completion_modified = EXCLUDED.completion_modified, snapshot = EXCLUDED.snapshot,
                    due_date = EXCLUDED.due_date, expires_at = EXCLUDED.expires_at
                WHERE compliance_offering_users.version < EXCLUDED.version
                RETURNING id, completion_modified, completion_id IS NOT NULL AND NOT deleted AS listed),
            unlisted AS (
                DELETE FROM compliance_completion_order o USING upserted u WHERE o.id = u.id AND NOT u.listed)
            INSERT INTO compliance_completion_order (id, modified)
            SELECT id, completion_modified FROM upserted WHERE listed
            ON CONFLICT (id) DO UPDATE SET modified = EXCLUDED.modified
            WHERE compliance_completion_order.modified <> EXCLUDED.modified
            """);
        void Column<TValue>(Func<OfferingUserSnapshot, TValue> value) =>
            command.Parameters.Add(new() { Value = snapshots.Select(value).ToArray() });
        void NullableColumn(Func<OfferingUserSnapshot, object?> value, NpgsqlDbType type) =>
            command.Parameters.Add(new() { Value = snapshots.Select(s => value(s) ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type });

        Column(s => s.Id);
        Column(s => s.Version);
        Column(s => s.Deleted);
        Column(s => s.OfferingUser.OfferingId);
        Column(s => s.OfferingUser.ServiceProviderId);
        Column(s => s.OfferingUser.CustomerId);
        Column(s => s.OfferingUser.UserId);
        Column(s => s.OfferingUser.OfferingName);
        Column(s => s.OfferingUser.UserFullName);
        Column(s => DateTime.SpecifyKind(s.OfferingUser.Created, DateTimeKind.Utc));
        Column(ComplianceStatusRule.Of);
        NullableColumn(s => s.Completion?.Id, NpgsqlDbType.Uuid);
        NullableColumn(s => s.Completion?.ChecklistId, NpgsqlDbType.Uuid);
        NullableColumn(s => s.Completion?.IsCompleted, NpgsqlDbType.Boolean);
        NullableColumn(s => s.Completion is { } c ? DateTime.SpecifyKind(c.Modified, DateTimeKind.Utc) : null, NpgsqlDbType.TimestampTz);
        command.Parameters.Add(new() { Value = snapshots.Select(SnapshotJson.Write).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        NullableColumn(s => Utc(s.Completion?.DueDate), NpgsqlDbType.TimestampTz);
        NullableColumn(s => Utc(s.Completion?.ExpiresAt), NpgsqlDbType.TimestampTz);
        await command.ExecuteNonQueryAsync();
    }

    private static object? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    public Task<Page<OfferingUserSnapshot>> ListOfferingUsersAsync(OfferingUserVisibility visibility, OfferingUserFilter filter, PageRequest page)
    {
        var query = new ProjectionQuery("NOT deleted");
        query.Visible(visibility);
        query.Equal("offering_id", filter.OfferingId);
        query.Equal("user_id", filter.UserId);
        return PageAsync(query, "created DESC, id", page);
    }

    public Task<Page<OfferingUserSnapshot>> ListProviderOfferingUsersAsync(Guid serviceProviderId, ProviderOfferingUserFilter filter, PageRequest page)
    {
        var query = new ProjectionQuery("NOT deleted");
        query.Equal("service_provider_id", serviceProviderId);
        query.Equal("offering_id", filter.OfferingId);
        query.Equal("compliance_status", filter.ComplianceStatus);
        query.Search(filter.Search);
        query.Overdue(filter.IsOverdue, clock.GetUtcNow().UtcDateTime);
        var direction = filter.Descending ? " DESC" : "";
        return PageAsync(query, $"offering_name COLLATE \"C\"{direction}, user_full_name COLLATE \"C\"{direction}, id{direction}", page);
    }

    public Task<Page<OfferingUserSnapshot>> ListCompletionsAsync(OfferingUserVisibility visibility, CompletionFilter filter, PageRequest page)
    {
        var query = new ProjectionQuery("NOT deleted AND completion_id IS NOT NULL");
        query.Visible(visibility);
        query.Equal("user_id", filter.UserId);
        query.Equal("offering_id", filter.OfferingId);
        query.Equal("is_completed", filter.IsCompleted);
        query.Overdue(filter.IsOverdue, clock.GetUtcNow().UtcDateTime);
        return PageAsync(query, CompletionOrderBy(filter.Ordering), page, CompletionOrderJoin);
    }

    public async Task<OfferingUserSnapshot?> FindByCompletionAsync(Guid completionId)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM compliance_offering_users WHERE completion_id = $1 AND NOT deleted LIMIT 1");
        command.Parameters.Add(new() { Value = completionId });
        return await command.ExecuteScalarAsync() is string json ? SnapshotJson.Read(json) : null;
    }

    public async Task<IReadOnlyList<ComplianceCount>> CountsForProviderAsync(Guid serviceProviderId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, offering_id, checklist_id, coalesce(is_completed, false), version, deleted, due_date, expires_at
            FROM compliance_offering_users WHERE service_provider_id = $1
            """);
        command.Parameters.Add(new() { Value = serviceProviderId });
        var counts = new List<ComplianceCount>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            counts.Add(new ComplianceCount(
                reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.GetBoolean(3),
                reader.GetInt64(4), reader.GetBoolean(5),
                reader.IsDBNull(6) ? null : reader.GetDateTime(6), reader.IsDBNull(7) ? null : reader.GetDateTime(7)));
        return counts;
    }

    private static string CompletionOrderBy(IReadOnlyList<string> ordering)
    {
        var keys = ordering.Count == 0 ? ["-modified"] : ordering;
        var parts = keys.Select(key =>
        {
            var column = key.TrimStart('-') == "is_completed" ? "is_completed" : "o.modified";
            return key.StartsWith('-') ? $"{column} DESC" : column;
        });
        return string.Join(", ", parts.Append("id"));
    }

    /// <summary>The completions' sort key (db/013): a row for every listed completion, i.e. for each row the completions list reads.</summary>
    private const string CompletionOrderJoin = " JOIN compliance_completion_order o USING (id)";

    private async Task<Page<OfferingUserSnapshot>> PageAsync(ProjectionQuery query, string orderBy, PageRequest page, string join = "")
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM compliance_offering_users WHERE {query.Where}");
        var rows = new NpgsqlBatchCommand(
            $"SELECT {Columns} FROM compliance_offering_users{join} WHERE {query.Where} ORDER BY {orderBy} OFFSET {page.Offset} LIMIT {page.Limit}");
        query.AddParameters(count.Parameters);
        query.AddParameters(rows.Parameters);
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(rows);
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var total = (int)reader.GetInt64(0);
        await reader.NextResultAsync();
        var items = new List<OfferingUserSnapshot>(Math.Min(page.Limit, 300));
        while (await reader.ReadAsync()) items.Add(SnapshotJson.Read(reader.GetString(0)));
        return new Page<OfferingUserSnapshot>(items, total);
    }

    /// <summary>A WHERE clause built from optional filters, with positional parameters.</summary>
    private sealed class ProjectionQuery(string baseCondition)
    {
        private readonly StringBuilder _where = new(baseCondition);
        private readonly List<NpgsqlParameter> _parameters = [];

        public string Where => _where.ToString();

        public void Equal<T>(string column, T? value)
        {
            if (value is null) return;
            _parameters.Add(new NpgsqlParameter { Value = value });
            _where.Append($" AND {column} = ${_parameters.Count}");
        }

        /// <summary>A part of the user's full name or e-mail address, ignoring case (LIKE's wildcards taken literally).</summary>
        public void Search(string? text)
        {
            if (text is null) return;
            var escaped = text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
            _parameters.Add(new NpgsqlParameter { Value = $"%{escaped}%" });
            _where.Append($" AND (user_full_name ILIKE ${_parameters.Count} OR snapshot->'OfferingUser'->>'UserEmail' ILIKE ${_parameters.Count})");
        }

        public void Overdue(bool? overdue, DateTime now)
        {
            if (overdue is not { } wanted) return;
            _parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(now, DateTimeKind.Utc) });
            var condition = string.Format(OverdueCondition, _parameters.Count);
            _where.Append(wanted ? $" AND {condition}" : $" AND NOT {condition}");
        }

        public void Visible(OfferingUserVisibility visibility)
        {
            if (visibility.All) return;
            _parameters.Add(new NpgsqlParameter { Value = visibility.UserId });
            _parameters.Add(new NpgsqlParameter { Value = visibility.CustomerIds.ToArray() });
            _where.Append($" AND (user_id = ${_parameters.Count - 1} OR customer_id = ANY(${_parameters.Count}))");
        }

        public void AddParameters(NpgsqlParameterCollection target)
        {
            foreach (var parameter in _parameters) target.Add(parameter.Clone());
        }
    }
}

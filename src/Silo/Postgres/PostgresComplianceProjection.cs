using System.Text;
using ComplianceGrains.Compliance;
using ComplianceGrains.Projections;
using Npgsql;
using NpgsqlTypes;

namespace ComplianceGrains.Silo.Postgres;

/// <summary>The projection of cluster mode: <c>compliance_offering_users</c>, shared by every silo.</summary>
public sealed class PostgresComplianceProjection(NpgsqlDataSource dataSource) : IComplianceProjection
{
    private const string Columns = "snapshot::text";

    public async Task UpsertAsync(OfferingUserSnapshot snapshot)
    {
        var u = snapshot.OfferingUser;
        var c = snapshot.Completion;
        await using var command = dataSource.CreateCommand("""
            INSERT INTO compliance_offering_users (id, version, deleted, offering_id, service_provider_id, customer_id, user_id,
                offering_name, user_full_name, created, compliance_status, completion_id, checklist_id, is_completed,
                completion_modified, snapshot)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb)
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, deleted = EXCLUDED.deleted,
                offering_name = EXCLUDED.offering_name, user_full_name = EXCLUDED.user_full_name,
                compliance_status = EXCLUDED.compliance_status, completion_id = EXCLUDED.completion_id,
                checklist_id = EXCLUDED.checklist_id, is_completed = EXCLUDED.is_completed,
                completion_modified = EXCLUDED.completion_modified, snapshot = EXCLUDED.snapshot
            WHERE compliance_offering_users.version < EXCLUDED.version
            """);
        command.Parameters.Add(new() { Value = snapshot.Id });
        command.Parameters.Add(new() { Value = snapshot.Version });
        command.Parameters.Add(new() { Value = snapshot.Deleted });
        command.Parameters.Add(new() { Value = u.OfferingId });
        command.Parameters.Add(new() { Value = u.ServiceProviderId });
        command.Parameters.Add(new() { Value = u.CustomerId });
        command.Parameters.Add(new() { Value = u.UserId });
        command.Parameters.Add(new() { Value = u.OfferingName });
        command.Parameters.Add(new() { Value = u.UserFullName });
        command.Parameters.Add(new() { Value = DateTime.SpecifyKind(u.Created, DateTimeKind.Utc) });
        command.Parameters.Add(new() { Value = ComplianceStatusRule.Of(snapshot) });
        command.Parameters.Add(new() { Value = (object?)c?.Id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = (object?)c?.ChecklistId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = (object?)c?.IsCompleted ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Boolean });
        command.Parameters.Add(new()
        {
            Value = c is null ? DBNull.Value : DateTime.SpecifyKind(c.Modified, DateTimeKind.Utc),
            NpgsqlDbType = NpgsqlDbType.TimestampTz,
        });
        command.Parameters.Add(new() { Value = SnapshotJson.Write(snapshot) });
        await command.ExecuteNonQueryAsync();
    }

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
        return PageAsync(query, "offering_name COLLATE \"C\", user_full_name COLLATE \"C\", id", page);
    }

    public Task<Page<OfferingUserSnapshot>> ListCompletionsAsync(OfferingUserVisibility visibility, CompletionFilter filter, PageRequest page)
    {
        var query = new ProjectionQuery("NOT deleted AND completion_id IS NOT NULL");
        query.Visible(visibility);
        query.Equal("user_id", filter.UserId);
        query.Equal("offering_id", filter.OfferingId);
        query.Equal("is_completed", filter.IsCompleted);
        return PageAsync(query, CompletionOrderBy(filter.Ordering), page);
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
            SELECT id, offering_id, checklist_id, coalesce(is_completed, false), version, deleted
            FROM compliance_offering_users WHERE service_provider_id = $1
            """);
        command.Parameters.Add(new() { Value = serviceProviderId });
        var counts = new List<ComplianceCount>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            counts.Add(new ComplianceCount(
                reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.GetBoolean(3),
                reader.GetInt64(4), reader.GetBoolean(5)));
        return counts;
    }

    private static string CompletionOrderBy(IReadOnlyList<string> ordering)
    {
        var keys = ordering.Count == 0 ? ["-modified"] : ordering;
        var parts = keys.Select(key =>
        {
            var column = key.TrimStart('-') == "is_completed" ? "is_completed" : "completion_modified";
            return key.StartsWith('-') ? $"{column} DESC" : column;
        });
        return string.Join(", ", parts.Append("id"));
    }

    private async Task<Page<OfferingUserSnapshot>> PageAsync(ProjectionQuery query, string orderBy, PageRequest page)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM compliance_offering_users WHERE {query.Where}");
        var rows = new NpgsqlBatchCommand(
            $"SELECT {Columns} FROM compliance_offering_users WHERE {query.Where} ORDER BY {orderBy} OFFSET {page.Offset} LIMIT {page.Limit}");
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

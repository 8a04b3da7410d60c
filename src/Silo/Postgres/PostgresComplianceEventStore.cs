using System.Text;
using System.Text.Json;
using ComplianceGrains.Compliance;
using Npgsql;
using NpgsqlTypes;

namespace ComplianceGrains.Silo.Postgres;

/// <summary>The event store of cluster mode: <c>compliance_events</c>, shared by every silo.</summary>
public sealed class PostgresComplianceEventStore(NpgsqlDataSource dataSource) : IComplianceEventStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public async Task AppendAsync(IReadOnlyList<ComplianceEvent> events)
    {
        if (events.Count == 0) return;
        await using var command = dataSource.CreateCommand("""
            INSERT INTO compliance_events (id, type, created, service_provider_id, offering_id, offering_user_id, event)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::uuid[], $5::uuid[], $6::uuid[], $7::jsonb[])
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new() { Value = events.Select(e => e.Id).ToArray() });
        command.Parameters.Add(new() { Value = events.Select(e => e.Type).ToArray() });
        command.Parameters.Add(new() { Value = events.Select(e => DateTime.SpecifyKind(e.Created, DateTimeKind.Utc)).ToArray() });
        command.Parameters.Add(new() { Value = events.Select(e => e.ServiceProviderId).ToArray() });
        command.Parameters.Add(new() { Value = events.Select(e => e.OfferingId).ToArray() });
        command.Parameters.Add(new()
        {
            Value = events.Select(e => (object?)e.OfferingUserId ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid,
        });
        command.Parameters.Add(new()
        {
            Value = events.Select(e => JsonSerializer.Serialize(e, Json)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
        });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<Page<ComplianceEvent>> ListAsync(Guid serviceProviderId, ComplianceEventFilter filter, PageRequest page)
    {
        var where = new StringBuilder("service_provider_id = $1");
        var parameters = new List<object> { serviceProviderId };
        void Equal(string column, object? value)
        {
            if (value is null) return;
            parameters.Add(value);
            where.Append($" AND {column} = ${parameters.Count}");
        }
        Equal("type", filter.Type);
        Equal("offering_id", filter.OfferingId);
        Equal("offering_user_id", filter.OfferingUserId);
        if (filter.CreatedAfter is { } after)
        {
            parameters.Add(DateTime.SpecifyKind(after, DateTimeKind.Utc));
            where.Append($" AND created > ${parameters.Count}");
        }
        await using var command = dataSource.CreateCommand($"""
            SELECT event::text, count(*) OVER () FROM compliance_events WHERE {where}
            ORDER BY created DESC, id OFFSET {page.Offset} LIMIT {page.Limit}
            """);
        foreach (var value in parameters) command.Parameters.Add(new() { Value = value });
        var items = new List<ComplianceEvent>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(JsonSerializer.Deserialize<ComplianceEvent>(reader.GetString(0), Json)!);
            total = (int)reader.GetInt64(1);
        }
        return new Page<ComplianceEvent>(items, total);
    }
}

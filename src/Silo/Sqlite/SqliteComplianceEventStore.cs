using System.Text;
using System.Text.Json;
using ComplianceGrains.Compliance;
using Microsoft.Data.Sqlite;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>The event store of embedded mode: <c>compliance_events</c>, appended with the other writes of a group commit.</summary>
public sealed class SqliteComplianceEventStore(SqliteDatabase database) : IComplianceEventStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public Task AppendAsync(IReadOnlyList<ComplianceEvent> events) =>
        events.Count == 0 ? Task.CompletedTask : database.WriteAsync(connection => Insert(connection, events));

    /// <summary>Inserts the events on the writer connection, in the transaction under way.</summary>
    internal static void Insert(SqliteConnection connection, IReadOnlyList<ComplianceEvent> events)
    {
        foreach (var e in events)
            connection.Execute("""
                INSERT INTO compliance_events (id, type, created, service_provider_id, offering_id, offering_user_id, event)
                VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING
                """, e.Id, e.Type, SqliteCommands.Ticks(e.Created), e.ServiceProviderId, e.OfferingId, e.OfferingUserId,
                JsonSerializer.Serialize(e, Json));
    }

    public Task<Page<ComplianceEvent>> ListAsync(Guid serviceProviderId, ComplianceEventFilter filter, PageRequest page)
    {
        var where = new StringBuilder("service_provider_id = $1");
        var values = new List<object?> { serviceProviderId };
        void Condition(string column, string comparison, object? value)
        {
            if (value is null) return;
            values.Add(value);
            where.Append($" AND {column} {comparison} ${values.Count}");
        }
        Condition("type", "=", filter.Type);
        Condition("offering_id", "=", filter.OfferingId);
        Condition("offering_user_id", "=", filter.OfferingUserId);
        Condition("created", ">", filter.CreatedAfter is { } after ? SqliteCommands.Ticks(after) : null);
        using var connection = database.OpenReader();
        var total = (long)connection.Scalar($"SELECT count(*) FROM compliance_events WHERE {where}", values.ToArray())!;
        var items = connection.Rows(r => JsonSerializer.Deserialize<ComplianceEvent>(r.GetString(0), Json)!,
            $"SELECT event FROM compliance_events WHERE {where} ORDER BY created DESC, id LIMIT {page.Limit} OFFSET {page.Offset}",
            values.ToArray());
        return Task.FromResult(new Page<ComplianceEvent>(items, (int)total));
    }
}

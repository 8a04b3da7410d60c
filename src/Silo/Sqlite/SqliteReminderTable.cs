using Microsoft.Data.Sqlite;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// Orleans' reminder table on SQLite (<c>reminders</c>), so that reminders, and the lifecycle jobs they resume, survive
/// a restart in embedded mode. Ranges are read by the grain id's uniform hash, as the reminder service asks.
/// </summary>
public sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at, period, etag";

    public Task Init() => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Task.FromResult(Read($"SELECT {Columns} FROM reminders WHERE grain_id = $1", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => Task.FromResult(begin < end
        ? Read($"SELECT {Columns} FROM reminders WHERE grain_hash > $1 AND grain_hash <= $2", (long)begin, (long)end)
        : Read($"SELECT {Columns} FROM reminders WHERE grain_hash > $1 OR grain_hash <= $2", (long)begin, (long)end));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => Task.FromResult(
        Read($"SELECT {Columns} FROM reminders WHERE grain_id = $1 AND reminder_name = $2", grainId.ToString(), reminderName)
            .Reminders.FirstOrDefault());

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        var etag = Guid.NewGuid().ToString("N");
        return database.WriteAsync<string?>(connection =>
        {
            connection.Execute("""
                INSERT INTO reminders (grain_id, reminder_name, grain_hash, start_at, period, etag) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (grain_id, reminder_name) DO UPDATE SET
                    grain_hash = excluded.grain_hash, start_at = excluded.start_at, period = excluded.period, etag = excluded.etag
                """, entry.GrainId.ToString(), entry.ReminderName, (long)entry.GrainId.GetUniformHashCode(),
                SqliteCommands.Ticks(entry.StartAt), entry.Period.Ticks, etag);
            return etag;
        });
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => database.WriteAsync(connection =>
        connection.Execute("DELETE FROM reminders WHERE grain_id = $1 AND reminder_name = $2 AND etag = $3",
            grainId.ToString(), reminderName, eTag) == 1);

    public Task TestOnlyClearTable() => database.WriteAsync(connection => connection.Execute("DELETE FROM reminders"));

    private ReminderTableData Read(string sql, params object?[] values)
    {
        using var connection = database.OpenReader();
        return new ReminderTableData(connection.Rows(ReadEntry, sql, values));
    }

    private static ReminderEntry ReadEntry(SqliteDataReader r) => new()
    {
        GrainId = GrainId.Parse(r.GetString(0)),
        ReminderName = r.GetString(1),
        StartAt = SqliteCommands.FromTicks(r.GetInt64(2)),
        Period = TimeSpan.FromTicks(r.GetInt64(3)),
        ETag = r.GetString(4),
    };
}

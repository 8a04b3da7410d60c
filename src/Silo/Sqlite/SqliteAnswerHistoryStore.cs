using ComplianceGrains.Compliance;
using Microsoft.Data.Sqlite;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// The answer history of embedded mode: <c>answer_history</c>, appended with the other writes of a group commit, one
/// row per offering user and write (a submission's entries together). Each entry is stored once: entries that reach
/// the sequence numbers already stored (a redelivery) are merged with the rows they overlap.
/// </summary>
public sealed class SqliteAnswerHistoryStore(SqliteDatabase database) : IAnswerHistoryStore
{
    public Task AppendAsync(IReadOnlyList<HistoryEntry> entries)
    {
        if (entries.Count == 0) return Task.CompletedTask;
        var rows = RowsOf(entries);
        return database.WriteAsync(connection => Insert(connection, rows), atomic: true);
    }

    /// <summary>The rows <paramref name="entries"/> are appended as, their JSON written before they reach the writer.</summary>
    internal static IReadOnlyList<HistoryRow> RowsOf(IReadOnlyList<HistoryEntry> entries) =>
        entries.GroupBy(e => e.OfferingUserId)
            .Select(group => HistoryRow.Of(group.Key, group.DistinctBy(e => e.Sequence).OrderBy(e => e.Sequence).ToArray()))
            .ToArray();

    /// <summary>Appends the rows on the writer connection, in the transaction under way (with a savepoint around it).</summary>
    internal static void Insert(SqliteConnection connection, IReadOnlyList<HistoryRow> rows)
    {
        foreach (var row in rows)
        {
            var newest = connection.Scalar(
                "SELECT last_sequence FROM answer_history WHERE offering_user_id = $1 ORDER BY sequence DESC LIMIT 1", row.OfferingUserId);
            var appended = newest is long last && last >= row.First ? MergedWithOverlapping(connection, row) : row;
            connection.Execute("""
                INSERT INTO answer_history (offering_user_id, sequence, last_sequence, entry_count, entries)
                VALUES ($1, $2, $3, $4, $5)
                """, appended.OfferingUserId, appended.First, appended.Last, appended.Entries.Count, appended.Json);
        }
    }

    /// <summary>Removes the stored rows that reach <paramref name="row"/>'s first entry and answers one row of all their entries, each once.</summary>
    private static HistoryRow MergedWithOverlapping(SqliteConnection connection, HistoryRow row)
    {
        var stored = connection.Rows(r => (RowId: r.GetInt64(0), Entries: HistoryRowJson.Read(r.GetString(1))),
            "SELECT rowid, entries FROM answer_history WHERE offering_user_id = $1 AND last_sequence >= $2", row.OfferingUserId, row.First);
        foreach (var (rowId, _) in stored) connection.Execute("DELETE FROM answer_history WHERE rowid = $1", rowId);
        var merged = stored.SelectMany(s => s.Entries).Concat(row.Entries).DistinctBy(e => e.Sequence).OrderBy(e => e.Sequence).ToArray();
        return HistoryRow.Of(row.OfferingUserId, merged);
    }

    public Task<Page<HistoryEntry>> ListAsync(Guid offeringUserId, PageRequest page)
    {
        using var connection = database.OpenReader();
        var total = (long)connection.Scalar("SELECT coalesce(sum(entry_count), 0) FROM answer_history WHERE offering_user_id = $1", offeringUserId)!;
        var items = new List<HistoryEntry>();
        var skip = page.Offset;
        using var command = connection.Command(
            "SELECT entry_count, entries FROM answer_history WHERE offering_user_id = $1 ORDER BY sequence DESC", offeringUserId);
        using var reader = command.ExecuteReader();
        while (items.Count < page.Limit && reader.Read())
        {
            var count = reader.GetInt32(0);
            // Rows wholly before the page are counted, not decoded.
            if (skip >= count)
            {
                skip -= count;
                continue;
            }
            var entries = HistoryRowJson.Read(reader.GetString(1));
            for (var i = entries.Length - 1 - skip; i >= 0 && items.Count < page.Limit; i--) items.Add(entries[i]);
            skip = 0;
        }
        return Task.FromResult(new Page<HistoryEntry>(items, (int)total));
    }

    public Task DeleteAsync(Guid offeringUserId) =>
        database.WriteAsync(connection => connection.Execute("DELETE FROM answer_history WHERE offering_user_id = $1", offeringUserId));

    /// <summary>Every stored entry (the export of a data directory).</summary>
    internal static IEnumerable<HistoryEntry> ReadAll(SqliteConnection connection) =>
        connection.Rows(r => HistoryRowJson.Read(r.GetString(0)), "SELECT entries FROM answer_history").SelectMany(entries => entries);
}

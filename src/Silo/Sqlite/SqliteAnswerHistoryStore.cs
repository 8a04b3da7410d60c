using ComplianceGrains.Compliance;
using Microsoft.Data.Sqlite;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>The answer history of embedded mode: <c>answer_history</c>, appended with the other writes of a group commit.</summary>
public sealed class SqliteAnswerHistoryStore(SqliteDatabase database) : IAnswerHistoryStore
{
    /// <summary>The columns <see cref="Read"/> takes, in its order.</summary>
    internal const string Columns =
        "offering_user_id, completion_id, question_id, question_description, answer, user_id, user_name, submitted, sequence";

    public Task AppendAsync(IReadOnlyList<HistoryEntry> entries) =>
        entries.Count == 0 ? Task.CompletedTask : database.WriteAsync(connection => Insert(connection, entries));

    /// <summary>Inserts the entries on the writer connection, in the transaction under way.</summary>
    internal static void Insert(SqliteConnection connection, IReadOnlyList<HistoryEntry> entries)
    {
        foreach (var e in entries)
            connection.Execute("""
                INSERT INTO answer_history (offering_user_id, sequence, completion_id, question_id, question_description, answer,
                    user_id, user_name, submitted)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING
                """, e.OfferingUserId, e.Sequence, e.CompletionId, e.QuestionId, e.QuestionDescription, e.AnswerJson,
                e.UserId, e.UserName, SqliteCommands.Ticks(e.Submitted));
    }

    public Task<Page<HistoryEntry>> ListAsync(Guid offeringUserId, PageRequest page)
    {
        using var connection = database.OpenReader();
        var items = connection.Rows(Read,
            $"SELECT {Columns} FROM answer_history WHERE offering_user_id = $1 ORDER BY sequence DESC LIMIT $3 OFFSET $2",
            offeringUserId, page.Offset, page.Limit);
        var total = (long)connection.Scalar("SELECT count(*) FROM answer_history WHERE offering_user_id = $1", offeringUserId)!;
        return Task.FromResult(new Page<HistoryEntry>(items, (int)total));
    }

    public Task DeleteAsync(Guid offeringUserId) =>
        database.WriteAsync(connection => connection.Execute("DELETE FROM answer_history WHERE offering_user_id = $1", offeringUserId));

    internal static HistoryEntry Read(SqliteDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
        r.GetGuid(5), r.GetString(6), SqliteCommands.FromTicks(r.GetInt64(7)), r.GetInt64(8));
}

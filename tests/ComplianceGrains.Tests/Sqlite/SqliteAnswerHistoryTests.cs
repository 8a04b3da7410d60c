using ComplianceGrains.Compliance;
using ComplianceGrains.Silo;
using ComplianceGrains.Silo.Schema;
using ComplianceGrains.Silo.Sqlite;
using ComplianceGrains.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ComplianceGrains.Tests.Sqlite;

/// <summary>
/// Embedded history keeps a write's entries in one row; what a reader sees is still one entry per answer, newest first,
/// each once.
/// </summary>
public sealed class SqliteAnswerHistoryTests
{
    private static readonly DateTime Submitted = new(2026, 12, 2, 5, 48, 36, DateTimeKind.Utc);

    private static HistoryEntry[] Entries(Guid offeringUser, long first, long last) =>
        [.. Enumerable.Range((int)first, (int)(last - first + 1)).Select(sequence => new HistoryEntry(
            offeringUser, Guid.NewGuid(), Guid.NewGuid(), $"Question {sequence}", sequence % 2 == 0 ? "true" : null, Guid.NewGuid(),
            "alice", Submitted.AddTicks(sequence * 10 + 7), sequence))];

    private static string File(string directory) => $"Data Source={Path.Combine(directory, SqliteDatabase.FileName)};Pooling=False";

    private static long Rows(string directory, Guid offeringUser)
    {
        using var connection = new SqliteConnection(File(directory));
        connection.Open();
        return (long)connection.Scalar("SELECT count(*) FROM answer_history WHERE offering_user_id = $1", offeringUser)!;
    }

    [Fact]
    public async Task Pages_of_entries_cut_across_the_rows_of_the_writes_that_appended_them()
    {
        using var directory = new TemporaryDirectory();
        var (offeringUser, other) = (Guid.NewGuid(), Guid.NewGuid());
        var written = new List<HistoryEntry>();
        await using (var database = SqliteDatabase.Open(directory.Path))
        {
            var store = new SqliteAnswerHistoryStore(database);
            foreach (var (first, last) in new[] { (1L, 5L), (6L, 10L), (11L, 15L) })
            {
                var entries = Entries(offeringUser, first, last);
                written.AddRange(entries);
                await Task.WhenAll(store.AppendAsync(entries), store.AppendAsync(Entries(other, first, first)));
            }
        }
        Assert.Equal(3, Rows(directory.Path, offeringUser));

        await using var reopened = SqliteDatabase.Open(directory.Path);
        var page = await new SqliteAnswerHistoryStore(reopened).ListAsync(offeringUser, new PageRequest(3, 6));

        Assert.Equal(15, page.TotalCount);
        Assert.Equal(written.OrderByDescending(e => e.Sequence).Skip(3).Take(6), page.Items);
        Assert.Equal(3, (await new SqliteAnswerHistoryStore(reopened).ListAsync(other, new PageRequest(0, 10))).TotalCount);
        Assert.Empty((await new SqliteAnswerHistoryStore(reopened).ListAsync(offeringUser, new PageRequest(15, 10))).Items);
    }

    [Fact]
    public async Task Entries_delivered_again_with_new_ones_are_stored_once_and_listed_in_order()
    {
        using var directory = new TemporaryDirectory();
        var offeringUser = Guid.NewGuid();
        await using var database = SqliteDatabase.Open(directory.Path);
        var store = new SqliteAnswerHistoryStore(database);
        var first = Entries(offeringUser, 1, 5);
        var second = Entries(offeringUser, 6, 10);
        await store.AppendAsync(first);
        await store.AppendAsync(second);

        // Entries 4–8 again (a redelivery: the stored ones win), with 11 and 12 new.
        var again = first[3..].Concat(second[..3]).Select(e => e with { UserName = "redelivered" }).Concat(Entries(offeringUser, 11, 12)).ToArray();
        await store.AppendAsync(again);
        await store.AppendAsync(first);

        var page = await store.ListAsync(offeringUser, new PageRequest(0, 50));
        Assert.Equal(12, page.TotalCount);
        Assert.Equal(Enumerable.Range(1, 12).Reverse().Select(s => (long)s), page.Items.Select(e => e.Sequence));
        Assert.Equal(first.Concat(second).Concat(again[^2..]).OrderByDescending(e => e.Sequence), page.Items);
    }

    [Fact]
    public async Task History_of_the_schema_with_a_row_per_entry_is_kept_exactly_when_the_file_is_migrated()
    {
        using var directory = new TemporaryDirectory();
        var offeringUser = Guid.NewGuid();
        var entries = Entries(offeringUser, 1, 3);
        await using (var before = new SqliteConnection(File(directory.Path)))
        {
            before.Open();
            new SqliteSchemaMigrator(before, SchemaScript.EmbeddedSqlite.Where(s => string.CompareOrdinal(s.Version, "004") < 0).ToList()).Migrate();
            foreach (var e in entries)
                before.Execute("INSERT INTO answer_history VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", e.OfferingUserId, e.Sequence,
                    e.CompletionId, e.QuestionId, e.QuestionDescription, e.AnswerJson, e.UserId, e.UserName, SqliteCommands.Ticks(e.Submitted));
        }

        await using var database = SqliteDatabase.Open(directory.Path);
        Assert.Contains(database.Migration, script => script.Version == "004");
        var store = new SqliteAnswerHistoryStore(database);
        await store.AppendAsync(Entries(offeringUser, 4, 5));

        var page = await store.ListAsync(offeringUser, new PageRequest(0, 10));
        Assert.Equal(5, page.TotalCount);
        Assert.Equal(entries.Reverse(), page.Items.Skip(2));
    }
}

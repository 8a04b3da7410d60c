using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using ComplianceGrains.Silo.Postgres;
using Npgsql;

namespace ComplianceGrains.Tests.Postgres;

/// <summary>A history entry PostgreSQL refuses is stored as a rejected entry; the entries of its batch are stored as they are.</summary>
public sealed class RejectedHistoryTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [PostgresFact]
    public async Task Entries_with_nul_or_unpaired_surrogates_are_stored_marked_and_the_good_entries_of_their_batch_unchanged()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var history = new PostgresAnswerHistoryStore(dataSource);
        var offeringUser = Guid.NewGuid();
        HistoryEntry Entry(long sequence, string description, string answer) =>
            new(offeringUser, Guid.NewGuid(), Guid.NewGuid(), description, answer, Guid.NewGuid(), "User", Now, sequence);

        await history.AppendAsync([
            Entry(1, "Good", "\"fine\""),
            Entry(2, "Nul answer", "\"a\\u0000b\""),
            Entry(3, "Nul\0description", "true"),
            Entry(4, "Surrogate answer", "\"\\ud800\""),
        ]);

        var stored = (await history.ListAsync(offeringUser, new PageRequest(0, 10))).Items.OrderBy(e => e.Sequence).ToList();
        Assert.Equal([1L, 2, 3, 4], stored.Select(e => e.Sequence));
        Assert.Equal("\"fine\"", stored[0].AnswerJson);
        Assert.Equal(TextRules.PlaceholderJson, stored[1].AnswerJson);
        Assert.Equal("Nul\uFFFDdescription", stored[2].QuestionDescription);
        Assert.Equal(TextRules.PlaceholderJson, stored[3].AnswerJson);
    }
}

using ComplianceGrains.Compliance;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Projections;
using ComplianceGrains.Silo.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplianceGrains.Tests.Sqlite;

/// <summary>The embedded projection rebuilt from the file when it opens.</summary>
public sealed class SqliteProjectionLoadTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private static OfferingUserSnapshot Snapshot(Guid provider, long version, UnansweredQuestion[] unanswered)
    {
        var id = Guid.NewGuid();
        return new OfferingUserSnapshot(
            new OfferingUserView(id, Guid.Empty, "Offering", Guid.Empty, provider, Guid.NewGuid(), "user", $"User {id:N}", "",
                "user", "OK", false, true, Now, Now),
            "Customer",
            new CompletionStatus(Guid.NewGuid(), Guid.NewGuid(), "Checklist", "", false, 50, unanswered, false,
                null, null, null, "", Now, Now.AddTicks(version)),
            version,
            Deleted: false);
    }

    private static UnansweredQuestion[] Questions(Guid[] ids) => ids.Select(id => new UnansweredQuestion(id, $"Question {id:N}", "boolean")).ToArray();

    [Fact]
    public async Task Every_stored_row_is_served_after_a_reopen_at_its_newest_version_with_equal_questions_held_once()
    {
        using var directory = new TemporaryDirectory();
        var provider = Guid.NewGuid();
        var questionIds = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var stored = Enumerable.Range(0, 300).Select(i => Snapshot(provider, 1, Questions(questionIds))).ToList();
        await using (var database = SqliteDatabase.Open(directory.Path))
        {
            var projection = new SqliteComplianceProjection(database, TimeProvider.System, NullLogger<SqliteComplianceProjection>.Instance);
            await Task.WhenAll(stored.Select(projection.UpsertAsync));
            // A newer version of the first row replaces it; an older one of the second is ignored.
            await projection.UpsertAsync(stored[0] with { Version = 2, Completion = stored[0].Completion! with { CompletionPercentage = 100 } });
            await projection.UpsertAsync(stored[1] with { Version = 0, Completion = stored[1].Completion! with { CompletionPercentage = 0 } });
        }

        await using (var database = SqliteDatabase.Open(directory.Path))
        {
            var projection = new SqliteComplianceProjection(database, TimeProvider.System, NullLogger<SqliteComplianceProjection>.Instance);
            var rows = (await projection.ListProviderOfferingUsersAsync(provider, new ProviderOfferingUserFilter(null, null), new PageRequest(0, 1000))).Items;

            Assert.Equal(stored.Select(s => s.Id).Order(), rows.Select(r => r.Id).Order());
            var byId = rows.ToDictionary(r => r.Id);
            Assert.Equal(100, byId[stored[0].Id].Completion!.CompletionPercentage);
            Assert.Equal(50, byId[stored[1].Id].Completion!.CompletionPercentage);
            Assert.Equal(Questions(questionIds), rows[0].Completion!.UnansweredRequiredQuestions);
            Assert.All(rows, row => Assert.Same(rows[0].Completion!.UnansweredRequiredQuestions[0], row.Completion!.UnansweredRequiredQuestions[0]));
        }
    }
}

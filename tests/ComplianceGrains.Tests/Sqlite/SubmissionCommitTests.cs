using ComplianceGrains.Compliance;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Silo;
using ComplianceGrains.Silo.Sqlite;
using ComplianceGrains.Tests.Support;
using Microsoft.Data.Sqlite;
using Orleans.TestingHost;

namespace ComplianceGrains.Tests.Sqlite;

/// <summary>
/// On SQLite a submission's grain state, history entries and projection row are one transaction: a failure of any part
/// stores none of them, and the file holds all of them together.
/// </summary>
public sealed class SubmissionCommitTests
{
    private static async Task<InProcessTestCluster> StartAsync(string directory)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddComplianceSqliteStorage(SqliteDatabase.Open(directory)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static void OnFile(string directory, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteDatabase.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<OfferingUserSnapshot> ProjectedRowAsync(GrainWorld world, Guid offering) =>
        (await world.Grains.GetGrain<IProjectionQueryGrain>(0).ListOfferingUsersAsync(
            world.Staff, new OfferingUserFilter(offering, null), new PageRequest(0, 10))).Items.Single();

    [Fact]
    public async Task A_submission_whose_history_cannot_be_stored_stores_neither_its_answers_nor_its_row_and_its_retry_stores_all_once()
    {
        using var directory = new TemporaryDirectory();
        GrainWorld world;
        Guid offering, offeringUser;
        Guid[] questions;
        await using (var cluster = await StartAsync(directory.Path))
        {
            world = await new GrainWorld(cluster.Client).InitializeAsync();
            var (customer, _) = await world.ProviderAsync();
            var checklist = await world.ChecklistAsync(GrainWorld.Boolean(order: 0), GrainWorld.Boolean(order: 1));
            questions = [.. await world.QuestionIdsAsync(checklist)];
            offering = await world.OfferingAsync(customer, checklist);
            offeringUser = await world.OfferingUserAsync(offering);
            await world.AnswerAsync(offeringUser, (questions[0], "true"));

            OnFile(directory.Path, "CREATE TRIGGER refuse_history BEFORE INSERT ON answer_history BEGIN SELECT RAISE(ABORT, 'refused'); END");
            await Assert.ThrowsAnyAsync<Exception>(() => world.OfferingUser(offeringUser).SubmitAnswersAsync(
                world.Staff, [new SubmittedAnswer(questions[1], "true", null)]));
            OnFile(directory.Path, "DROP TRIGGER refuse_history");

            // Nothing of the refused submission was kept: not its answer, not its row, not its history.
            var status = await world.OfferingUser(offeringUser).GetCompletionStatusAsync(world.Staff);
            Assert.False(status.IsCompleted);
            Assert.Equal(50, status.CompletionPercentage);
            Assert.Equal(50, (await ProjectedRowAsync(world, offering)).Completion!.CompletionPercentage);
            Assert.Equal(1, (await world.OfferingUser(offeringUser).GetHistoryAsync(world.Staff, new PageRequest(0, 10))).TotalCount);

            Assert.True((await world.AnswerAsync(offeringUser, (questions[1], "true"))).IsCompleted);
        }

        // The retried submission's state, row and history entry are all in the file.
        await using (var cluster = await StartAsync(directory.Path))
        {
            world = new GrainWorld(cluster.Client);
            await world.InitializeAsync();
            var staff = world.Staff;
            Assert.True((await ProjectedRowAsync(world, offering)).Completion!.IsCompleted);
            Assert.True((await world.OfferingUser(offeringUser).GetCompletionStatusAsync(staff)).IsCompleted);
            var history = await world.OfferingUser(offeringUser).GetHistoryAsync(staff, new PageRequest(0, 10));
            Assert.Equal([questions[1], questions[0]], history.Items.Select(e => e.QuestionId));
        }
    }
}

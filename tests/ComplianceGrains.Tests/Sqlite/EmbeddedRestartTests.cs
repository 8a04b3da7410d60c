using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Sqlite;

/// <summary>Embedded mode on SQLite through the real pipeline: what was written is there after a restart.</summary>
public sealed class EmbeddedRestartTests
{
    [Fact]
    public async Task Every_endpoint_answers_the_same_after_the_host_is_stopped_and_a_new_one_starts_on_the_directory()
    {
        using var directory = new TemporaryDirectory();
        var (sample, before) = await EmbeddedSample.CreateAndReadAsync(directory.Path);

        await using (var host = new SqliteApiHost(directory.Path))
        {
            var after = await sample.On(host.World()).ReadAsync(host.World());
            foreach (var (path, body) in before) Assert.True(body == after[path], $"{path} changed:\n{body}\n{after[path]}");
        }
    }

    [Fact]
    public async Task Answers_submitted_after_a_restart_extend_the_history_and_keep_the_counters_of_before()
    {
        using var directory = new TemporaryDirectory();
        EmbeddedSample sample;
        await using (var host = new SqliteApiHost(directory.Path)) sample = await EmbeddedSample.CreateAsync(host.World());

        await using (var host = new SqliteApiHost(directory.Path))
        {
            var world = host.World();
            var respondent = sample.On(world).Respondent;
            await respondent.AnswerAsync((sample.Agree, false));
            var answer = Respondent.Question(await respondent.ChecklistAsync(), sample.Agree)["existing_answer"]!["answer_data"]!;
            Assert.False(answer.GetValue<bool>());
            var history = (await world.Admin.GetAsync(respondent.Path("history"))).Json!.AsArray();
            Assert.Equal(4, history.Count);
            var overview = (await world.Admin.GetAsync(
                $"/api/marketplace-service-providers/{respondent.Provider.Provider}/compliance/compliance_overview/")).Json!.AsArray();
            Assert.Equal(1, overview.Single()!["completed_users"]!.GetValue<int>());
            Assert.Equal(2, overview.Single()!["total_users"]!.GetValue<int>());
        }
    }
}

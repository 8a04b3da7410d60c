using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Grains;

/// <summary>BEHAVIOUR.md §3 and §6: editing a checklist's questions changes metrics and counts without any submission.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ChecklistEditMetricsTests(TestClusterFixture fixture) : IAsyncLifetime
{
    private GrainWorld _world = null!;

    public async Task InitializeAsync() => _world = await new GrainWorld(fixture.Grains).InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>An offering with two users of a checklist of one answered required question and one optional text question.</summary>
    private async Task<(Guid Provider, Guid Offering, Guid Checklist, Guid Optional, Guid[] Users)> CompletedOfferingAsync()
    {
        var (customer, provider) = await _world.ProviderAsync();
        var checklist = await _world.ChecklistAsync(GrainWorld.Boolean(order: 0), GrainWorld.Text(required: false, order: 1));
        var questions = await _world.QuestionIdsAsync(checklist);
        var offering = await _world.OfferingAsync(customer, checklist);
        var users = new[] { await _world.OfferingUserAsync(offering), await _world.OfferingUserAsync(offering) };
        foreach (var user in users) await _world.AnswerAsync(user, (questions[0], "true"));
        var row = await _world.OverviewRowAsync(provider, offering);
        Assert.Equal((2, 2), (row.UsersWithCompletions, row.CompletedUsers));
        return (provider, offering, checklist, questions[1], users);
    }

    [Fact]
    public async Task Adding_a_required_question_makes_completed_users_pending()
    {
        var (provider, offering, checklist, _, users) = await CompletedOfferingAsync();

        var added = await _world.AddQuestionAsync(checklist, GrainWorld.Boolean(order: 5));

        await _world.OverviewRowUntilAsync(provider, offering, r => r.CompletedUsers == 0, "completed users to drop to 0");
        foreach (var user in users)
        {
            var status = await _world.OfferingUser(user).GetCompletionStatusAsync(_world.Staff);
            Assert.False(status.IsCompleted);
            Assert.Equal([added], status.UnansweredRequiredQuestions.Select(q => q.Id));
            Assert.Equal(33.3, status.CompletionPercentage);
        }
    }

    [Fact]
    public async Task Making_a_question_required_makes_users_who_skipped_it_pending()
    {
        var (provider, offering, checklist, optional, users) = await CompletedOfferingAsync();
        await _world.AnswerAsync(users[0], (optional, "\"answered\""));

        var current = await _world.Checklist(checklist).GetQuestionAsync(_world.Staff, optional);
        await _world.Checklist(checklist).UpdateQuestionAsync(_world.Staff, optional, current.Definition with { Required = true });

        var row = await _world.OverviewRowUntilAsync(provider, offering, r => r.CompletedUsers == 1, "one completed user");
        Assert.Equal((2, 2, 1), (row.TotalUsers, row.UsersWithCompletions, row.PendingUsers));
        Assert.True((await _world.OfferingUser(users[0]).GetCompletionStatusAsync(_world.Staff)).IsCompleted);
        var skipped = await _world.OfferingUser(users[1]).GetCompletionStatusAsync(_world.Staff);
        Assert.Equal([optional], skipped.UnansweredRequiredQuestions.Select(q => q.Id));
    }

    [Fact]
    public async Task Deleting_the_only_unanswered_required_question_completes_users()
    {
        var (provider, offering, checklist, _, users) = await CompletedOfferingAsync();
        var blocking = await _world.AddQuestionAsync(checklist, GrainWorld.Boolean(order: 5));
        await _world.OverviewRowUntilAsync(provider, offering, r => r.CompletedUsers == 0, "completed users to drop to 0");

        await _world.Checklist(checklist).DeleteQuestionAsync(_world.Staff, blocking);

        await _world.OverviewRowUntilAsync(provider, offering, r => r.CompletedUsers == 2, "both users completed again");
        var status = await _world.OfferingUser(users[0]).GetCompletionStatusAsync(_world.Staff);
        Assert.True(status.IsCompleted);
        Assert.Equal(50.0, status.CompletionPercentage);
        Assert.Empty(status.UnansweredRequiredQuestions);
    }
}

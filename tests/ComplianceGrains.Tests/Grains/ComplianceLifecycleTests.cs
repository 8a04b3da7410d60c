using ComplianceGrains.Compliance;
using ComplianceGrains.Errors;
using ComplianceGrains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceGrains.Tests.Grains;

/// <summary>BEHAVIOUR.md §6: completions follow the offering's checklist (create, archive, replace, delete).</summary>
[Collection(ClusterCollection.Name)]
public sealed class ComplianceLifecycleTests(TestClusterFixture fixture) : IAsyncLifetime
{
    private const string NoChecklist = "No checklist configured for this object";
    private GrainWorld _world = null!;

    public async Task InitializeAsync() => _world = await new GrainWorld(fixture.Grains).InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task AssertNoChecklistAsync(Guid offeringUser)
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => _world.OfferingUser(offeringUser).GetCompletionStatusAsync(_world.Staff));
        Assert.Equal(NoChecklist, error.Detail);
    }

    [Fact]
    public async Task An_offering_user_created_on_a_checklist_offering_has_an_empty_completion_at_once()
    {
        var (customer, provider) = await _world.ProviderAsync();
        var checklist = await _world.ChecklistAsync(GrainWorld.Boolean(), GrainWorld.Text());
        var offering = await _world.OfferingAsync(customer, checklist);
        var offeringUser = await _world.OfferingUserAsync(offering);

        var status = await _world.OfferingUser(offeringUser).GetCompletionStatusAsync(_world.Staff);
        Assert.Equal(checklist, status.ChecklistId);
        Assert.False(status.IsCompleted);
        Assert.Equal(0.0, status.CompletionPercentage);
        var row = await _world.OverviewRowAsync(provider, offering);
        Assert.Equal((1, 1, 0), (row.TotalUsers, row.UsersWithCompletions, row.CompletedUsers));
    }

    [Fact]
    public async Task Attaching_a_checklist_creates_completions_for_existing_users_in_the_background()
    {
        var (customer, provider) = await _world.ProviderAsync();
        var offering = await _world.OfferingAsync(customer);
        var users = new List<Guid>();
        for (var i = 0; i < 3; i++) users.Add(await _world.OfferingUserAsync(offering));
        var checklist = await _world.ChecklistAsync(GrainWorld.Boolean());

        await _world.Offering(offering).UpdateComplianceChecklistAsync(_world.Staff, checklist);
        var sync = await _world.SyncIdleAsync(offering);

        Assert.Equal((checklist, 3, 3), (sync.Checklist!.Value, sync.Total, sync.Processed));
        // The overview reads counters only: the job, not a user's first access, created these completions.
        var row = await _world.OverviewRowAsync(provider, offering);
        Assert.Equal((3, 3, 0), (row.TotalUsers, row.UsersWithCompletions, row.CompletedUsers));
        foreach (var user in users)
        {
            Assert.True((await _world.OfferingUser(user).GetAsync(_world.Staff)).HasComplianceChecklist);
            Assert.Equal(checklist, (await _world.OfferingUser(user).GetCompletionStatusAsync(_world.Staff)).ChecklistId);
        }
    }

    [Fact]
    public async Task A_user_who_opens_the_checklist_right_after_it_is_attached_gets_a_completion()
    {
        var (customer, _) = await _world.ProviderAsync();
        var offering = await _world.OfferingAsync(customer);
        var users = new List<Guid>();
        for (var i = 0; i < 40; i++) users.Add(await _world.OfferingUserAsync(offering));
        var checklist = await _world.ChecklistAsync(GrainWorld.Boolean());

        await _world.Offering(offering).UpdateComplianceChecklistAsync(_world.Staff, checklist);
        // The job works in id order: the largest id is the last it reaches.
        var last = users.Max();
        var status = await _world.OfferingUser(last).GetCompletionStatusAsync(_world.Staff);
        Assert.Equal(checklist, status.ChecklistId);

        await _world.SyncIdleAsync(offering);
        Assert.Equal(status.Id, (await _world.OfferingUser(last).GetCompletionStatusAsync(_world.Staff)).Id);
    }

    [Fact]
    public async Task Detaching_the_checklist_archives_completions_and_stops_counting_them()
    {
        var (customer, provider) = await _world.ProviderAsync();
        var checklist = await _world.ChecklistAsync(GrainWorld.Boolean());
        var question = (await _world.QuestionIdsAsync(checklist)).Single();
        var offering = await _world.OfferingAsync(customer, checklist);
        var offeringUser = await _world.OfferingUserAsync(offering);
        await _world.AnswerAsync(offeringUser, (question, "true"));

        await _world.Offering(offering).UpdateComplianceChecklistAsync(_world.Staff, null);
        Assert.False((await _world.Offering(offering).GetAsync(_world.Staff)).HasComplianceRequirements);
        await _world.SyncIdleAsync(offering);

        await AssertNoChecklistAsync(offeringUser);
        Assert.False((await _world.OfferingUser(offeringUser).GetAsync(_world.Staff)).HasComplianceChecklist);
        var row = await _world.OverviewRowAsync(provider, offering);
        Assert.Equal((null, 1, 0, 0), (row.ChecklistName, row.TotalUsers, row.UsersWithCompletions, row.CompletedUsers));
    }

    [Fact]
    public async Task Changing_the_checklist_archives_the_old_completion_and_starts_an_empty_one()
    {
        var (customer, provider) = await _world.ProviderAsync();
        var first = await _world.ChecklistAsync(GrainWorld.Boolean());
        var second = await _world.ChecklistAsync(GrainWorld.Boolean());
        var offering = await _world.OfferingAsync(customer, first);
        var offeringUser = await _world.OfferingUserAsync(offering);
        var before = await _world.AnswerAsync(offeringUser, ((await _world.QuestionIdsAsync(first)).Single(), "true"));
        Assert.True(before.IsCompleted);

        await _world.Offering(offering).UpdateComplianceChecklistAsync(_world.Staff, second);
        await _world.SyncIdleAsync(offering);

        var row = await _world.OverviewRowAsync(provider, offering);
        Assert.Equal((1, 1, 0), (row.TotalUsers, row.UsersWithCompletions, row.CompletedUsers));
        var after = await _world.OfferingUser(offeringUser).GetCompletionStatusAsync(_world.Staff);
        Assert.Equal(second, after.ChecklistId);
        Assert.NotEqual(before.Id, after.Id);
        Assert.False(after.IsCompleted);
        Assert.Equal(0.0, after.CompletionPercentage);
    }

    [Fact]
    public async Task Setting_the_same_checklist_again_changes_nothing()
    {
        var (customer, _) = await _world.ProviderAsync();
        var checklist = await _world.ChecklistAsync(GrainWorld.Boolean());
        var offering = await _world.OfferingAsync(customer);
        var offeringUser = await _world.OfferingUserAsync(offering);
        await _world.Offering(offering).UpdateComplianceChecklistAsync(_world.Staff, checklist);
        var firstJob = await _world.SyncIdleAsync(offering);
        var before = await _world.AnswerAsync(offeringUser, ((await _world.QuestionIdsAsync(checklist)).Single(), "true"));

        var again = await _world.Offering(offering).UpdateComplianceChecklistAsync(_world.Staff, checklist);

        Assert.Equal(firstJob, again);
        Assert.Equal(firstJob, await _world.Offering(offering).GetComplianceSyncAsync(_world.Staff));
        var after = await _world.OfferingUser(offeringUser).GetCompletionStatusAsync(_world.Staff);
        Assert.Equal((before.Id, true, before.Modified), (after.Id, after.IsCompleted, after.Modified));
    }

    [Fact]
    public async Task Deleting_an_offering_user_removes_it_from_counts_lists_and_history()
    {
        var (customer, provider) = await _world.ProviderAsync();
        var checklist = await _world.ChecklistAsync(GrainWorld.Boolean());
        var question = (await _world.QuestionIdsAsync(checklist)).Single();
        var offering = await _world.OfferingAsync(customer, checklist);
        var kept = await _world.OfferingUserAsync(offering);
        var user = await _world.UserAsync();
        var deleted = await _world.OfferingUserAsync(offering, user);
        await _world.AnswerAsync(deleted, (question, "true"));
        Assert.Equal((2, 2, 1), Counts(await _world.OverviewRowAsync(provider, offering)));

        await _world.OfferingUser(deleted).DeleteAsync(_world.Staff);

        Assert.Equal((1, 1, 0), Counts(await _world.OverviewRowAsync(provider, offering)));
        await Assert.ThrowsAsync<NotFoundException>(() => _world.OfferingUser(deleted).GetAsync(_world.Staff));
        await Assert.ThrowsAsync<NotFoundException>(() => _world.OfferingUser(deleted).GetHistoryAsync(_world.Staff, new PageRequest(0, 10)));
        var history = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IAnswerHistoryStore>();
        Assert.Equal(0, (await history.ListAsync(deleted, new PageRequest(0, 10))).TotalCount);
        var completions = await _world.Grains.GetGrain<IProjectionQueryGrain>(0).ListCompletionsAsync(
            _world.Staff, new CompletionFilter(null, offering, null, []), new PageRequest(0, 10));
        Assert.Equal([kept], completions.Items.Select(r => r.Id));
        // The user can join the offering again, with a fresh completion.
        await _world.OfferingUserAsync(offering, user);
        Assert.Equal((2, 2, 0), Counts(await _world.OverviewRowAsync(provider, offering)));
    }

    private static (int, int, int) Counts(OfferingComplianceOverview row) => (row.TotalUsers, row.UsersWithCompletions, row.CompletedUsers);
}

using ComplianceGrains.Compliance;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Grains;

/// <summary>
/// An event is stored with the change that causes it (BEHAVIOUR.md §11): when the event store fails after the state
/// write, the change still succeeds, and the event reaches the store after the grain is deactivated and activated
/// again (as after a crash), exactly once however often it is delivered.
/// </summary>
public sealed class EventDurabilityTests(FailingHistoryStoreCluster fixture) : IClassFixture<FailingHistoryStoreCluster>, IAsyncLifetime
{
    private GrainWorld _world = null!;

    public async Task InitializeAsync() => _world = await new GrainWorld(fixture.Grains).InitializeAsync();

    public Task DisposeAsync()
    {
        fixture.Events.FailAppends = false;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_event_stored_while_the_event_store_fails_is_delivered_once_after_reactivation()
    {
        var (customer, _) = await _world.ProviderAsync();
        var checklist = await _world.ChecklistAsync(GrainWorld.Boolean());
        var question = (await _world.QuestionIdsAsync(checklist)).Single();
        var offeringUser = await _world.OfferingUserAsync(await _world.OfferingAsync(customer, checklist));
        var provider = (await _world.OfferingUser(offeringUser).GetAsync(_world.Staff)).ServiceProviderId;
        Task<Page<ComplianceEvent>> CompletedEventsAsync() => fixture.Events.ListAsync(
            provider, new ComplianceEventFilter(ComplianceEventTypes.Completed, null, offeringUser, null), new PageRequest(0, 10));
        fixture.Events.FailAppends = true;

        var status = await _world.AnswerAsync(offeringUser, (question, "true"));
        await fixture.Cluster.DeactivateAsync(_world.OfferingUser(offeringUser));

        Assert.True(status.IsCompleted);
        Assert.Equal(0, (await CompletedEventsAsync()).TotalCount);
        fixture.Events.FailAppends = false;
        await _world.OfferingUser(offeringUser).GetAsync(_world.Staff);
        var stored = await Eventually.UntilAsync(CompletedEventsAsync, page => page.TotalCount > 0, "the event after reactivation");
        // The stored state still lists the event (no write since), so another activation delivers it again, at the
        // latest with its next write: the store still has it once.
        await fixture.Cluster.DeactivateAsync(_world.OfferingUser(offeringUser));
        await _world.AnswerAsync(offeringUser, (question, "true"));
        Assert.Equal(1, (await CompletedEventsAsync()).TotalCount);
        Assert.Equal(offeringUser, stored.Items.Single().OfferingUserId);
    }
}

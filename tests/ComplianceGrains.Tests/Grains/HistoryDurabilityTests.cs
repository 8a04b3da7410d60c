using ComplianceGrains.Compliance;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Grains;

/// <summary>
/// A submission's history entries are stored with its state: when the history store fails after the state write,
/// the submission still succeeds and its entries reach the history once the store is back, exactly once.
/// </summary>
public sealed class HistoryDurabilityTests(FailingHistoryStoreCluster fixture) : IClassFixture<FailingHistoryStoreCluster>, IAsyncLifetime
{
    private GrainWorld _world = null!;

    public async Task InitializeAsync() => _world = await new GrainWorld(fixture.Grains).InitializeAsync();

    public Task DisposeAsync()
    {
        fixture.History.FailAppends = false;
        return Task.CompletedTask;
    }

    private async Task<(Guid OfferingUser, Guid Question)> OfferingUserAsync()
    {
        var (customer, _) = await _world.ProviderAsync();
        var checklist = await _world.ChecklistAsync(GrainWorld.Boolean());
        var question = (await _world.QuestionIdsAsync(checklist)).Single();
        return (await _world.OfferingUserAsync(await _world.OfferingAsync(customer, checklist)), question);
    }

    private Task<Page<HistoryEntry>> StoredHistoryAsync(Guid offeringUser) =>
        fixture.History.ListAsync(offeringUser, new PageRequest(0, 100));

    [Fact]
    public async Task A_submission_made_while_the_history_store_fails_is_stored_and_reaches_the_history_once_it_is_back()
    {
        var (offeringUser, question) = await OfferingUserAsync();
        fixture.History.FailAppends = true;

        var status = await _world.AnswerAsync(offeringUser, (question, "true"));

        Assert.True(status.IsCompleted);
        Assert.Equal(0, (await StoredHistoryAsync(offeringUser)).TotalCount);
        await Assert.ThrowsAsync<IOException>(() => _world.OfferingUser(offeringUser).GetHistoryAsync(_world.Staff, new PageRequest(0, 10)));

        fixture.History.FailAppends = false;
        var stored = await Eventually.UntilAsync(() => StoredHistoryAsync(offeringUser), page => page.TotalCount > 0, "the retried append");
        Assert.Equal([(question, "true")], stored.Items.Select(e => (e.QuestionId, e.AnswerJson)));
    }

    [Fact]
    public async Task A_history_read_appends_the_entries_still_pending_first()
    {
        var (offeringUser, question) = await OfferingUserAsync();
        fixture.History.FailAppends = true;
        await _world.AnswerAsync(offeringUser, (question, "false"));
        fixture.History.FailAppends = false;

        var history = await _world.OfferingUser(offeringUser).GetHistoryAsync(_world.Staff, new PageRequest(0, 10));

        Assert.Equal([(question, "false")], history.Items.Select(e => (e.QuestionId, e.AnswerJson)));
    }

    [Fact]
    public async Task Entries_appended_after_a_failure_are_not_appended_again_by_a_later_activation()
    {
        var (offeringUser, question) = await OfferingUserAsync();
        fixture.History.FailAppends = true;
        await _world.AnswerAsync(offeringUser, (question, "true"));
        fixture.History.FailAppends = false;
        await Eventually.UntilAsync(() => StoredHistoryAsync(offeringUser), page => page.TotalCount > 0, "the retried append");

        // The stored state still lists the entry (no write since), so the next activation appends it again.
        await fixture.Cluster.DeactivateAsync(_world.OfferingUser(offeringUser));
        await _world.AnswerAsync(offeringUser, (question, "false"));

        var history = await _world.OfferingUser(offeringUser).GetHistoryAsync(_world.Staff, new PageRequest(0, 10));
        Assert.Equal([(question, "false"), (question, "true")], history.Items.Select(e => (e.QuestionId, e.AnswerJson)));
        Assert.Equal(2, history.TotalCount);
    }
}

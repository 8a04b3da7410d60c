using ComplianceGrains.Compliance;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Grains;

/// <summary>The lifecycle job is durable: an offering deactivated mid-job resumes it from its persisted cursor.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ComplianceJobResumeTests(TestClusterFixture fixture) : IAsyncLifetime
{
    // Enough users that the job outlasts one timer tick, so the deactivation lands mid-job.
    private const int Users = 2000;
    private GrainWorld _world = null!;

    public async Task InitializeAsync() => _world = await new GrainWorld(fixture.Grains).InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_job_interrupted_by_deactivation_completes_for_every_offering_user()
    {
        var (customer, provider) = await _world.ProviderAsync();
        var offering = await _world.OfferingAsync(customer);
        await Task.WhenAll(Enumerable.Range(0, Users).Select(_ => _world.OfferingUserAsync(offering)));
        var checklist = await _world.ChecklistAsync(GrainWorld.Boolean());

        var started = await _world.Offering(offering).UpdateComplianceChecklistAsync(_world.Staff, checklist);
        await fixture.Cluster.DeactivateAsync(_world.Offering(offering));

        Assert.Equal((ComplianceSyncStatus.Running, Users), (started.State, started.Total));
        // Well under the reminder's one-minute period: it is the reactivated offering that must resume the job.
        var finished = await Eventually.UntilAsync(
            () => _world.Offering(offering).GetComplianceSyncAsync(_world.Staff), s => s.State == ComplianceSyncStatus.Idle,
            "the interrupted job to finish", TimeSpan.FromSeconds(40));
        Assert.Equal((Users, Users), (finished.Total, finished.Processed));
        var row = await _world.OverviewRowUntilAsync(
            provider, offering, r => r.UsersWithCompletions == Users, $"{Users} users with completions");
        Assert.Equal((Users, Users, 0), (row.TotalUsers, row.UsersWithCompletions, row.CompletedUsers));
    }
}

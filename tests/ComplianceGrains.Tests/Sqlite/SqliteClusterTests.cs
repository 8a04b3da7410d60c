using ComplianceGrains.Marketplace;
using ComplianceGrains.Compliance;
using ComplianceGrains.Silo;
using ComplianceGrains.Silo.Sqlite;
using ComplianceGrains.Tests.Postgres;
using ComplianceGrains.Tests.Support;
using Orleans.TestingHost;

namespace ComplianceGrains.Tests.Sqlite;

/// <summary>A TestingHost silo on embedded SQLite storage, stopped and started again on the same directory.</summary>
public sealed class SqliteClusterTests
{
    private static async Task<InProcessTestCluster> StartAsync(string directory)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddComplianceSqliteStorage(SqliteDatabase.Open(directory)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    [Fact]
    public async Task Grain_state_the_projection_and_reminders_survive_a_restart_of_the_silo()
    {
        using var directory = new TemporaryDirectory();
        var key = Guid.NewGuid().ToString("N");
        GrainWorld world;
        Guid customer, provider, offering, offeringUser;
        await using (var cluster = await StartAsync(directory.Path))
        {
            world = await new GrainWorld(cluster.Client).InitializeAsync();
            (customer, provider) = await world.ProviderAsync();
            offering = await world.OfferingAsync(customer);
            offeringUser = await world.OfferingUserAsync(offering);
            await cluster.Client.GetGrain<IReminderProbeGrain>(key).RegisterAsync("resume-job");
        }

        await using (var cluster = await StartAsync(directory.Path))
        {
            var grains = cluster.Client;
            Assert.True(await grains.GetGrain<IReminderProbeGrain>(key).HasReminderAsync("resume-job"));
            var overview = await grains.GetGrain<IServiceProviderGrain>(provider).GetComplianceOverviewAsync(world.Staff);
            Assert.Equal(1, overview.Single(r => r.OfferingId == offering).TotalUsers);
            Assert.Equal(offeringUser, (await grains.GetGrain<IOfferingUserGrain>(offeringUser).GetAsync(world.Staff)).Id);
            var rows = await grains.GetGrain<IProjectionQueryGrain>(0).ListOfferingUsersAsync(
                world.Staff, new OfferingUserFilter(offering, null), new PageRequest(0, 10));
            Assert.Equal([offeringUser], rows.Items.Select(r => r.Id));
        }
    }
}

using ComplianceGrains.Identity;
using ComplianceGrains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace ComplianceGrains.Tests.Postgres;

public sealed class GrainStorageTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [PostgresFact]
    public async Task Grain_state_survives_a_restart_of_the_cluster()
    {
        var serviceId = Guid.NewGuid().ToString("N");
        var users = new[] { (Name: $"a-{serviceId}", Id: Guid.NewGuid()), (Name: $"b-{serviceId}", Id: Guid.NewGuid()) };
        await using (var cluster = await PostgresTestCluster.StartAsync(database.ConnectionString, serviceId))
        {
            foreach (var (name, id) in users) Assert.True(await cluster.Client.GetGrain<IUsernameGrain>(name).ReserveAsync(id));
        }

        await using var restarted = await PostgresTestCluster.StartAsync(database.ConnectionString, serviceId);

        foreach (var (name, id) in users)
            Assert.Equal(id, await restarted.Client.GetGrain<IUsernameGrain>(name).GetUserIdAsync());
        Assert.Equal([2L], await Sql.QueryAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM compliance_grain_state WHERE service_id = @service AND payload IS NOT NULL", ("service", serviceId)));
    }

    [PostgresFact]
    public async Task Writes_and_clears_with_a_stale_etag_are_rejected()
    {
        await using var cluster = await PostgresTestCluster.StartAsync(database.ConnectionString, Guid.NewGuid().ToString("N"));
        var storage = cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        await GrainStorageContract.StaleETagsAreRejectedAsync(storage);
    }
}

using ComplianceGrains.Identity;
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
            "SELECT count(*) FROM orleans_storage WHERE service_id = @service", ("service", serviceId)));
    }

    [PostgresFact]
    public async Task Writes_and_clears_with_a_stale_etag_are_rejected()
    {
        await using var cluster = await PostgresTestCluster.StartAsync(database.ConnectionString, Guid.NewGuid().ToString("N"));
        var storage = cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        var type = GrainType.Create("storage-probe");
        // A string key, and a Guid key whose string part is null in storage.
        GrainId[] grains = [GrainId.Create(type, Guid.NewGuid().ToString("N")), GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid()))];
        foreach (var grain in grains)
        {
            var written = new UsernameState { UserId = Guid.NewGuid() };
            var first = new GrainState<UsernameState>(written);
            await storage.WriteStateAsync("storage-probe", grain, first);
            await Assert.ThrowsAsync<InconsistentStateException>(
                () => storage.WriteStateAsync("storage-probe", grain, new GrainState<UsernameState>(new UsernameState())));

            var stale = new GrainState<UsernameState>(new UsernameState()) { ETag = first.ETag };
            written.UserId = Guid.NewGuid();
            await storage.WriteStateAsync("storage-probe", grain, first);
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("storage-probe", grain, stale));
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("storage-probe", grain, stale));

            var read = new GrainState<UsernameState>();
            await storage.ReadStateAsync("storage-probe", grain, read);
            Assert.Equal(written.UserId, read.State!.UserId);
            Assert.Equal(first.ETag, read.ETag);

            await storage.ClearStateAsync("storage-probe", grain, read);
            var cleared = new GrainState<UsernameState>();
            await storage.ReadStateAsync("storage-probe", grain, cleared);
            Assert.False(cleared.RecordExists);
            Assert.Null(cleared.State!.UserId);
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("storage-probe", grain, first));
        }
    }
}

using ComplianceGrains.Catalog;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace ComplianceGrains.Tests.Postgres;

public sealed class GrainStorageTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [PostgresFact]
    public async Task Grain_state_survives_a_restart_of_the_cluster()
    {
        var serviceId = Guid.NewGuid().ToString("N");
        var users = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await using (var cluster = await PostgresTestCluster.StartAsync(database.ConnectionString, serviceId))
        {
            var catalog = cluster.Client.GetGrain<ICatalogGrain>(CatalogNames.Users);
            foreach (var user in users) await catalog.AddAsync(user);
        }

        await using var restarted = await PostgresTestCluster.StartAsync(database.ConnectionString, serviceId);

        Assert.Equal(users, await restarted.Client.GetGrain<ICatalogGrain>(CatalogNames.Users).ListAsync());
        Assert.Equal([1L], await Sql.QueryAsync<long>(database.ConnectionString,
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
            var written = new CatalogState { Ids = [Guid.NewGuid()] };
            var first = new GrainState<CatalogState>(written);
            await storage.WriteStateAsync("storage-probe", grain, first);
            await Assert.ThrowsAsync<InconsistentStateException>(
                () => storage.WriteStateAsync("storage-probe", grain, new GrainState<CatalogState>(new CatalogState())));

            var stale = new GrainState<CatalogState>(new CatalogState()) { ETag = first.ETag };
            written.Ids.Add(Guid.NewGuid());
            await storage.WriteStateAsync("storage-probe", grain, first);
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("storage-probe", grain, stale));
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("storage-probe", grain, stale));

            var read = new GrainState<CatalogState>();
            await storage.ReadStateAsync("storage-probe", grain, read);
            Assert.Equal(written.Ids, read.State!.Ids);
            Assert.Equal(first.ETag, read.ETag);

            await storage.ClearStateAsync("storage-probe", grain, read);
            var cleared = new GrainState<CatalogState>();
            await storage.ReadStateAsync("storage-probe", grain, cleared);
            Assert.False(cleared.RecordExists);
            Assert.Empty(cleared.State!.Ids);
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("storage-probe", grain, first));
        }
    }
}

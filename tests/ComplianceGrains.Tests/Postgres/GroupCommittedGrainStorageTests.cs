using ComplianceGrains.Compliance;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Silo;
using ComplianceGrains.Silo.Postgres;
using ComplianceGrains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace ComplianceGrains.Tests.Postgres;

/// <summary>Cluster mode's grain storage: writes of many grains in one statement, and states stored by Orleans' ADO.NET provider.</summary>
public sealed class GroupCommittedGrainStorageTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly GrainType ProbeType = GrainType.Create("storage-probe");

    [PostgresFact]
    public async Task Writes_batched_together_fail_only_where_their_etag_lost()
    {
        await using var services = new ServiceCollection().AddSerializer(builder => builder.AddAssembly(typeof(UsernameState).Assembly)).BuildServiceProvider();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var storage = new PostgresGrainStorage(dataSource, Guid.NewGuid().ToString("N"),
            new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()), legacy: null);
        var grains = Enumerable.Range(0, 40).Select(_ => GrainId.Create(ProbeType, Guid.NewGuid().ToString("N"))).ToList();
        var current = new List<GrainState<UsernameState>>();
        foreach (var grain in grains)
        {
            var state = new GrainState<UsernameState>(new UsernameState { UserId = Guid.NewGuid() });
            await storage.WriteStateAsync("probe", grain, state);
            current.Add(state);
        }
        // Every other grain is written by an activation that read it before its last write.
        var stale = current.Select(s => new GrainState<UsernameState>(new UsernameState()) { ETag = s.ETag }).ToList();
        for (var i = 0; i < grains.Count; i += 2) await storage.WriteStateAsync("probe", grains[i], current[i]);

        // While the table is locked, the storage's writers each hold one blocked batch and the next writes queue up, so
        // that they go out together once it is released.
        await using var locker = await dataSource.OpenConnectionAsync();
        await using var transaction = await locker.BeginTransactionAsync();
        await new NpgsqlCommand("LOCK TABLE compliance_grain_state IN SHARE MODE", locker, transaction).ExecuteNonQueryAsync();
        var blocked = new List<Task>();
        for (var writer = 1; writer <= 4; writer++)
        {
            var extra = new GrainState<UsernameState>(new UsernameState { UserId = Guid.NewGuid() });
            blocked.Add(storage.WriteStateAsync("probe", GrainId.Create(ProbeType, Guid.NewGuid().ToString("N")), extra));
            await Eventually.UntilAsync(() => WaitingOnLocksAsync(dataSource), waiting => waiting == writer, $"{writer} blocked writes");
        }
        var writes = grains.Select((grain, i) =>
        {
            var state = i % 2 == 0 ? stale[i] : current[i];
            state.State = new UsernameState { UserId = Guid.NewGuid() };
            return (Grain: grain, State: state, Task: storage.WriteStateAsync("probe", grain, state));
        }).ToList();
        Assert.DoesNotContain(writes, write => write.Task.IsCompleted);
        await transaction.CommitAsync();

        await Task.WhenAll(blocked);
        // Every write has its answer before the rows are read (the queued ones may go out in a later batch).
        await Task.WhenAll(writes.Select(write => write.Task.ContinueWith(_ => { }, TaskScheduler.Default)));
        for (var i = 0; i < writes.Count; i++)
        {
            var (grain, state, task) = writes[i];
            var read = new GrainState<UsernameState>();
            await storage.ReadStateAsync("probe", grain, read);
            if (i % 2 == 0)
            {
                await Assert.ThrowsAsync<InconsistentStateException>(() => task);
                Assert.Equal(current[i].State!.UserId, read.State!.UserId);
                Assert.Equal(current[i].ETag, read.ETag);
            }
            else
            {
                await task;
                Assert.Equal(state.State!.UserId, read.State!.UserId);
                Assert.Equal(state.ETag, read.ETag);
            }
        }
    }

    [PostgresFact]
    public async Task States_stored_by_orleans_ado_net_provider_are_read_and_move_to_the_new_table_on_their_first_write()
    {
        var serviceId = Guid.NewGuid().ToString("N");
        var (reserved, owner) = ($"reserved-{serviceId}", Guid.NewGuid());
        var (kept, keptOwner) = ($"kept-{serviceId}", Guid.NewGuid());
        var cleared = $"cleared-{serviceId}";
        await using (var before = await PostgresTestCluster.StartAsync(database.ConnectionString, serviceId))
        {
            var adoNet = before.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(ComplianceSilo.LegacyStorageName);
            foreach (var (name, id) in new[] { (reserved, owner), (kept, keptOwner), (cleared, Guid.NewGuid()) })
                await adoNet.WriteStateAsync("username", GrainIdOf(before, name), new GrainState<UsernameState>(new UsernameState { UserId = id }));
        }

        await using var after = await PostgresTestCluster.StartAsync(database.ConnectionString, serviceId);
        var storage = after.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        Assert.False(await after.Client.GetGrain<IUsernameGrain>(reserved).ReserveAsync(Guid.NewGuid()));
        Assert.Equal(owner, await after.Client.GetGrain<IUsernameGrain>(reserved).GetUserIdAsync());

        var old = new GrainState<UsernameState>();
        await storage.ReadStateAsync("username", GrainIdOf(after, kept), old);
        Assert.Equal(keptOwner, old.State!.UserId);
        var moved = new GrainState<UsernameState>(new UsernameState { UserId = Guid.NewGuid() }) { ETag = old.ETag };
        await storage.WriteStateAsync("username", GrainIdOf(after, kept), moved);
        // The state read from the old table is the one just replaced: its ETag has lost.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("username", GrainIdOf(after, kept), old));
        var read = new GrainState<UsernameState>();
        await storage.ReadStateAsync("username", GrainIdOf(after, kept), read);
        Assert.Equal(moved.State!.UserId, read.State!.UserId);

        var toClear = new GrainState<UsernameState>();
        await storage.ReadStateAsync("username", GrainIdOf(after, cleared), toClear);
        Assert.True(toClear.RecordExists);
        await storage.ClearStateAsync("username", GrainIdOf(after, cleared), toClear);
        var afterClear = new GrainState<UsernameState>();
        await storage.ReadStateAsync("username", GrainIdOf(after, cleared), afterClear);
        Assert.False(afterClear.RecordExists);
        Assert.Null(afterClear.State!.UserId);
    }

    [PostgresFact]
    public async Task A_stored_state_appends_the_history_its_write_owes_in_the_same_statement_and_a_refused_one_appends_none()
    {
        await using var services = new ServiceCollection().AddSerializer(builder => builder.AddAssembly(typeof(OfferingUserState).Assembly)).BuildServiceProvider();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var storage = new PostgresGrainStorage(dataSource, Guid.NewGuid().ToString("N"),
            new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()), legacy: null);
        await using var history = new PostgresAnswerHistoryStore(dataSource);
        var (offeringUser, grain) = (Guid.NewGuid(), GrainId.Create(ProbeType, Guid.NewGuid().ToString("N")));
        HistoryEntry Entry(long sequence, string answer) =>
            new(offeringUser, Guid.NewGuid(), Guid.NewGuid(), "Question", answer, Guid.NewGuid(), "User", DateTime.UtcNow, sequence);

        var state = new GrainState<OfferingUserState>(new OfferingUserState { Exists = true });
        Task<OwedWithState> WriteOwingAsync(GrainState<OfferingUserState> written, params HistoryEntry[] entries) =>
            OwedWithState.WriteAsync(grain, snapshot: null, entries, [], () => storage.WriteStateAsync("offering-user", grain, written));

        var committed = await WriteOwingAsync(state, Entry(1, "true"), Entry(2, "false"));
        Assert.Equal(OwedParts.History, committed.CommittedParts);
        Assert.Equal([2L, 1], (await history.ListAsync(offeringUser, new PageRequest(0, 10))).Items.Select(e => e.Sequence));

        // A write whose ETag lost stores neither its state nor its entries.
        var stale = new GrainState<OfferingUserState>(new OfferingUserState { Exists = true });
        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteOwingAsync(stale, Entry(3, "true")));
        Assert.Equal(2, (await history.ListAsync(offeringUser, new PageRequest(0, 10))).TotalCount);

        // Text PostgreSQL refuses: the state is stored, the entries are left to the outbox, which stores them marked.
        var refused = await WriteOwingAsync(state, Entry(3, "\"a\\u0000b\""));
        Assert.Equal(OwedParts.None, refused.CommittedParts);
        var read = new GrainState<OfferingUserState>();
        await storage.ReadStateAsync("offering-user", grain, read);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(2, (await history.ListAsync(offeringUser, new PageRequest(0, 10))).TotalCount);
    }

    private static GrainId GrainIdOf(Orleans.TestingHost.InProcessTestCluster cluster, string username) =>
        cluster.Client.GetGrain<IUsernameGrain>(username).GetGrainId();

    private static async Task<long> WaitingOnLocksAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

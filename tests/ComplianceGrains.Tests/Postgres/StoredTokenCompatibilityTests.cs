using ComplianceGrains.Domain;
using ComplianceGrains.Identity;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace ComplianceGrains.Tests.Postgres;

/// <summary>Tokens stored before the token grain kept its owner's flags still authenticate with those flags.</summary>
public sealed class StoredTokenCompatibilityTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [PostgresFact]
    public async Task A_token_stored_without_flags_authenticates_as_its_staff_owner_after_a_restart()
    {
        var serviceId = Guid.NewGuid().ToString("N");
        var staffId = Guid.NewGuid();
        var token = TokenHashing.NewToken();
        var hash = TokenHashing.Hash(token);
        await using (var cluster = await PostgresTestCluster.StartAsync(database.ConnectionString, serviceId))
        {
            var staff = cluster.Client.GetGrain<IUserGrain>(staffId);
            await staff.CreateAsync(new NewUser($"staff-{staffId:N}", "Staff", "", null, true, false));
            await staff.RegisterTokenAsync(token);

            var storage = cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
            var tokenGrain = cluster.Client.GetGrain<ITokenGrain>(hash).GetGrainId();
            var stored = new GrainState<TokenState>();
            await storage.ReadStateAsync("token", tokenGrain, stored);
            stored.State = new TokenState { UserId = staffId };
            await storage.WriteStateAsync("token", tokenGrain, stored);
        }

        await using var restarted = await PostgresTestCluster.StartAsync(database.ConnectionString, serviceId);
        var tokenAfterRestart = restarted.Client.GetGrain<ITokenGrain>(hash);
        Assert.Equal(new Caller(staffId, true, false), await tokenAfterRestart.AuthenticateAsync());

        await restarted.Client.GetGrain<IUserGrain>(staffId).RefreshTokenAsync(new Caller(staffId, true, false));
        Assert.Null(await tokenAfterRestart.AuthenticateAsync());
    }
}

using ComplianceGrains.Domain;
using ComplianceGrains.Identity;
using ComplianceGrains.Silo;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace ComplianceGrains.Tests.Grains;

/// <summary>
/// Two front ends of a two-silo cluster, each with its token cache: <c>A</c> an Orleans client (cluster mode, with its own
/// clock), <c>B</c> co-hosted in the second silo (embedded mode). A revocation made through one front end is refused by
/// the other on its next request, and a lost registry empties the caches.
/// </summary>
public sealed class TokenCacheClusterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clientClock = new(DateTimeOffset.UtcNow);
    private InProcessTestCluster _cluster = null!;
    private FrontEnd _a = null!;
    private FrontEnd _b = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddComplianceInMemoryStorage());
        builder.ConfigureSiloHost((_, host) => host.Services.AddTokenAuthenticator());
        builder.ConfigureClientHost(host =>
        {
            host.Services.AddSingleton<TimeProvider>(_clientClock);
            host.Services.AddTokenAuthenticator();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        _a = new FrontEnd(_cluster.Client.ServiceProvider);
        _b = new FrontEnd(_cluster.GetSiloServiceProvider(_cluster.Silos[1].SiloAddress));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_token_cached_by_one_front_end_and_revoked_through_the_other_is_refused_on_its_next_request()
    {
        var (hash, caller) = await AssignTokenAsync();
        await _a.ServedFromCacheAsync(hash, caller);
        await _b.ServedFromCacheAsync(hash, caller);

        await _b.Grains.GetGrain<ITokenGrain>(hash).RevokeAsync();

        Assert.Null(await _a.Authenticator.AuthenticateAsync(hash));
        Assert.Null(await _b.Authenticator.AuthenticateAsync(hash));
    }

    [Fact]
    public async Task A_new_registry_activation_empties_the_cache_of_a_front_end_at_its_next_subscription()
    {
        var (hash, caller) = await AssignTokenAsync();
        await _a.ServedFromCacheAsync(hash, caller);

        await _cluster.DeactivateAsync(_cluster.Client.GetGrain<ITokenCacheRegistryGrain>(0));
        _clientClock.Advance(TokenCacheSubscriptions.Period);

        await Eventually.UntilAsync(() => Task.FromResult(_a.Cache.Count), count => count == 0, "the cache emptied");
        var hits = _a.Cache.Hits;
        Assert.Equal(caller, await _a.Authenticator.AuthenticateAsync(hash));
        Assert.Equal(hits, _a.Cache.Hits);
    }

    private async Task<(string Hash, Caller Caller)> AssignTokenAsync()
    {
        var hash = TokenHashing.Hash(TokenHashing.NewToken());
        var caller = new Caller(Guid.NewGuid(), false, false);
        await _cluster.Client.GetGrain<ITokenGrain>(hash).AssignAsync(caller, null);
        return (hash, caller);
    }

    private sealed class FrontEnd(IServiceProvider services)
    {
        public IGrainFactory Grains => services.GetRequiredService<IGrainFactory>();
        public TokenCache Cache => services.GetRequiredService<TokenCache>();
        public TokenAuthenticator Authenticator => services.GetRequiredService<TokenAuthenticator>();

        public Task ServedFromCacheAsync(string hash, Caller caller) =>
            TokenCacheProbe.ServedFromCacheAsync(Cache, async () => Assert.Equal(caller, await Authenticator.AuthenticateAsync(hash)));
    }
}

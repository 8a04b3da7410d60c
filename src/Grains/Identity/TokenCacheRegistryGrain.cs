using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace ComplianceGrains.Identity;

/// <summary>
/// Holds the front ends' subscriptions in memory only. A new activation answers a new id, which tells every front end
/// that it may have missed evictions sent to the old one.
/// </summary>
public sealed class TokenCacheRegistryGrain : Grain, ITokenCacheRegistryGrain
{
    private readonly Guid _id = Guid.NewGuid();
    private readonly ObserverManager<ITokenCacheObserver> _frontEnds;
    private readonly ILogger<TokenCacheRegistryGrain> _logger;

    public TokenCacheRegistryGrain(TimeProvider time, ILogger<TokenCacheRegistryGrain> logger)
    {
        _logger = logger;
        _frontEnds = new ObserverManager<ITokenCacheObserver>(TokenCacheSubscriptions.Lifetime, logger)
        {
            GetDateTime = () => time.GetUtcNow().UtcDateTime,
        };
    }

    public Task<TokenCacheSubscription> SubscribeAsync(ITokenCacheObserver frontEnd)
    {
        _frontEnds.ClearExpired();
        var wasSubscribed = _frontEnds.Observers.ContainsKey(frontEnd);
        _frontEnds.Subscribe(frontEnd, frontEnd);
        return Task.FromResult(new TokenCacheSubscription(_id, wasSubscribed));
    }

    /// <summary>All front ends at once, so that one slow front end delays a revocation by its own time only.</summary>
    public async Task EvictAsync(string tokenHash)
    {
        _frontEnds.ClearExpired();
        await Task.WhenAll(_frontEnds.Observers.Keys.ToList().Select(frontEnd => EvictFromAsync(frontEnd, tokenHash)));
    }

    /// <summary>
    /// A front end that does not answer is dropped: its next subscription then answers that it was not subscribed, and it
    /// clears its cache.
    /// </summary>
    private async Task EvictFromAsync(IAddressable frontEnd, string tokenHash)
    {
        try
        {
            await ((ITokenCacheObserver)frontEnd).EvictAsync(tokenHash);
        }
        catch (Exception exception)
        {
            _frontEnds.Unsubscribe(frontEnd);
            _logger.LogWarning(exception, "A front end did not drop a revoked token; it is unsubscribed.");
        }
    }
}

namespace ComplianceGrains.Identity;

/// <summary>
/// The one registry (key 0) of the front ends' token caches. It keeps no durable state: subscriptions live in the
/// activation and expire, so front ends subscribe again every <see cref="TokenCacheSubscriptions.Period"/>.
/// </summary>
public interface ITokenCacheRegistryGrain : IGrainWithIntegerKey
{
    Task<TokenCacheSubscription> SubscribeAsync(ITokenCacheObserver frontEnd);

    /// <summary>Returns once every subscribed front end has dropped the token, or was dropped for not answering.</summary>
    Task EvictAsync(string tokenHash);
}

/// <summary>
/// <paramref name="RegistryId"/> names the registry activation; <paramref name="WasSubscribed"/> is false when the front
/// end was not (or no longer) subscribed to it. Either change means the front end may have missed evictions.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TokenCacheSubscription([property: Id(0)] Guid RegistryId, [property: Id(1)] bool WasSubscribed);

public static class TokenCacheSubscriptions
{
    /// <summary>How often a front end subscribes again.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a subscription lasts in the registry, and how long a front end trusts its cache after last asking: a
    /// front end stops using its cache no later than the registry forgets it.
    /// </summary>
    public static readonly TimeSpan Lifetime = 2 * Period;
}

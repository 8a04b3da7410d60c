using ComplianceGrains.Identity;

namespace ComplianceGrains.WebApi.Auth;

/// <summary>The front end's <see cref="TokenCache"/> as the registry reaches it.</summary>
public sealed class TokenCacheObserver(TokenCache cache) : ITokenCacheObserver
{
    public Task EvictAsync(string tokenHash)
    {
        cache.Evict(tokenHash);
        return Task.CompletedTask;
    }
}

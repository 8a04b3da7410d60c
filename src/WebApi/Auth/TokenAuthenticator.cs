using ComplianceGrains.Identity;

namespace ComplianceGrains.WebApi.Auth;

/// <summary>The caller a token (by hash) stands for: from the front end's <see cref="TokenCache"/>, else its token grain.</summary>
public sealed class TokenAuthenticator(IGrainFactory grains, TokenCache cache)
{
    public async Task<Caller?> AuthenticateAsync(string tokenHash)
    {
        if (cache.TryGet(tokenHash, out var cached)) return cached;
        var askedAt = cache.Generation;
        var answer = await grains.GetGrain<ITokenGrain>(tokenHash).ResolveAsync();
        if (answer is { Caller: { } caller, MayBeCached: true }) cache.Add(tokenHash, caller, askedAt);
        return answer.Caller;
    }
}

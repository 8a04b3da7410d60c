namespace ComplianceGrains.Identity;

/// <summary>A front end's cache of authenticated tokens, told by the <see cref="ITokenCacheRegistryGrain"/> what to drop.</summary>
public interface ITokenCacheObserver : IGrainObserver
{
    /// <summary>Forgets the token (by hash): it was revoked or no longer stands for the caller it stood for.</summary>
    [ResponseTimeout("00:00:05")]
    Task EvictAsync(string tokenHash);
}

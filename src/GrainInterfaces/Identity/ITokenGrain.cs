namespace ComplianceGrains.Identity;

/// <summary>Keyed by the SHA-256 (hex) of a token; tokens themselves are never stored.</summary>
public interface ITokenGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes the token stand for its owner (the owner's global flags never change after creation); with a lifetime, the
    /// token expires after that many seconds without a request.
    /// </summary>
    Task AssignAsync(Caller owner, int? lifetimeSeconds);

    Task RevokeAsync();

    /// <summary>
    /// The caller the token stands for, or null when the token is unknown or revoked: the whole of a request's
    /// authentication, in one call.
    /// </summary>
    [AlwaysInterleave]
    Task<Caller?> AuthenticateAsync();

    /// <summary><see cref="AuthenticateAsync"/>, for a front end that caches the answer when it may.</summary>
    [AlwaysInterleave]
    Task<TokenAuthentication> ResolveAsync();
}

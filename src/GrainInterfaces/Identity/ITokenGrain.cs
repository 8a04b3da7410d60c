namespace ComplianceGrains.Identity;

/// <summary>Keyed by the SHA-256 (hex) of a token; tokens themselves are never stored.</summary>
public interface ITokenGrain : IGrainWithStringKey
{
    Task AssignAsync(Guid userId);

    Task RevokeAsync();

    /// <summary>The owner of the token, or null when the token is unknown or revoked.</summary>
    Task<Guid?> GetUserIdAsync();
}

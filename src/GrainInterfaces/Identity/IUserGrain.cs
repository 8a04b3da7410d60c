namespace ComplianceGrains.Identity;

/// <summary>A user: profile, password hash, global flags, customer roles and active token hashes.</summary>
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>Creates the user; the username must already be reserved for it.</summary>
    Task<UserView> CreateAsync(NewUser user);

    Task<UserView> GetAsync(Caller caller);

    /// <summary>The user's current flags when the token hash is one of its active tokens; null otherwise.</summary>
    Task<Caller?> AuthenticateAsync(string tokenHash);

    /// <summary>Checks the password and issues a new token; null when the password does not match.</summary>
    Task<string?> LoginAsync(string password);

    /// <summary>Revokes every token of the user and issues a new one.</summary>
    Task<IssuedToken> RefreshTokenAsync(Caller caller);

    /// <summary>Makes a token chosen by the operator (the bootstrap admin token) valid for this user.</summary>
    Task RegisterTokenAsync(string token);

    /// <summary>Records the user's role in a customer (null removes it), counting until <paramref name="expiresAt"/> if given.
    /// Called by the customer grain.</summary>
    Task SetCustomerRoleAsync(Guid customerId, CustomerRole? role, DateTime? expiresAt = null);

    [AlwaysInterleave]
    Task<bool> ExistsAsync();
}

namespace ComplianceGrains.Identity;

/// <summary>Keyed by username: makes usernames unique across the cluster.</summary>
public interface IUsernameGrain : IGrainWithStringKey
{
    /// <summary>Claims the username for the user; false when another user holds it.</summary>
    Task<bool> ReserveAsync(Guid userId);

    Task<Guid?> GetUserIdAsync();
}

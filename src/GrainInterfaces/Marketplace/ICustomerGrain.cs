using ComplianceGrains.Identity;

namespace ComplianceGrains.Marketplace;

/// <summary>A customer (organisation): name, members and their roles, its service provider.</summary>
public interface ICustomerGrain : IGrainWithGuidKey
{
    Task<CustomerView> CreateAsync(Caller caller, string name);

    Task<CustomerView> GetAsync(Caller caller);

    /// <summary>Gives the user a role; with <paramref name="expiresAt"/> the role stops counting at that time.</summary>
    Task AddUserAsync(Caller caller, Guid userId, CustomerRole role, DateTime? expiresAt = null);

    Task RemoveUserAsync(Caller caller, Guid userId);

    /// <summary>True when the caller is staff or holds a role in this customer that grants the permission.</summary>
    [AlwaysInterleave]
    Task<bool> HasPermissionAsync(Caller caller, Permission permission);

    /// <summary>True when the caller holds any role in this customer.</summary>
    [AlwaysInterleave]
    Task<bool> IsMemberAsync(Caller caller);

    /// <summary>Links the customer's one service provider; false when it already has one.</summary>
    Task<bool> AttachServiceProviderAsync(Guid serviceProviderId);
}

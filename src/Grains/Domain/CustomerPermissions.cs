using ComplianceGrains.Identity;

namespace ComplianceGrains.Domain;

/// <summary>What each customer role grants (API.md §1).</summary>
public static class CustomerPermissions
{
    public static bool Grants(CustomerRole role, Permission permission) => permission switch
    {
        Permission.OfferingUpdateUser or Permission.OfferingUpdateOptions => role is CustomerRole.Owner or CustomerRole.Manager,
        Permission.ServiceProviderListCustomers => true,
        _ => false,
    };
}

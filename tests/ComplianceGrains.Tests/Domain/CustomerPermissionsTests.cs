using ComplianceGrains.Domain;
using ComplianceGrains.Identity;

namespace ComplianceGrains.Tests.Domain;

/// <summary>API.md §1: what each customer role grants, for every role × permission.</summary>
public sealed class CustomerPermissionsTests
{
    public static TheoryData<CustomerRole, Permission, bool> Matrix => new()
    {
        // permission                               owner / manager / support
        { CustomerRole.Owner, Permission.OfferingUpdateUser, true },
        { CustomerRole.Manager, Permission.OfferingUpdateUser, true },
        { CustomerRole.Support, Permission.OfferingUpdateUser, false },
        { CustomerRole.Owner, Permission.OfferingUpdateOptions, true },
        { CustomerRole.Manager, Permission.OfferingUpdateOptions, true },
        { CustomerRole.Support, Permission.OfferingUpdateOptions, false },
        { CustomerRole.Owner, Permission.ServiceProviderListCustomers, true },
        { CustomerRole.Manager, Permission.ServiceProviderListCustomers, true },
        { CustomerRole.Support, Permission.ServiceProviderListCustomers, true },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_role_grants_exactly_the_documented_permissions(CustomerRole role, Permission permission, bool granted) =>
        Assert.Equal(granted, CustomerPermissions.Grants(role, permission));

    [Fact]
    public void The_matrix_covers_every_role_and_permission()
    {
        var covered = Matrix.Select(row => ((CustomerRole)row[0], (Permission)row[1])).ToHashSet();
        foreach (var role in Enum.GetValues<CustomerRole>())
            foreach (var permission in Enum.GetValues<Permission>())
                Assert.Contains((role, permission), covered);
    }
}

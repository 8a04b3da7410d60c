namespace ComplianceGrains.Identity;

/// <summary>A user's role in a customer (organisation).</summary>
[GenerateSerializer]
public enum CustomerRole
{
    Owner,
    Manager,
    Support,
}

/// <summary>What a customer role allows on that customer's provider and offerings (API.md §1).</summary>
[GenerateSerializer]
public enum Permission
{
    OfferingUpdateUser,
    OfferingUpdateOptions,
    ServiceProviderListCustomers,
}

using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Contracts;

public sealed record ServiceProviderResponse(
    Guid Uuid, string Url, Guid CustomerUuid, string CustomerName, string Description, DateTime Created)
{
    public static ServiceProviderResponse From(HttpRequest request, ServiceProviderView provider) => new(
        provider.Id, ApiUrls.Of(request, "marketplace-service-providers", provider.Id), provider.CustomerId,
        provider.CustomerName, provider.Description, provider.Created);
}

public sealed record CreateServiceProviderRequest(Guid Customer, string? Description);

public sealed record ProviderOfferingResponse(
    Guid Uuid, string Url, string Name, string Description, Guid CustomerUuid, string CustomerName, Guid ServiceProviderUuid,
    string State, Guid? ComplianceChecklist, string? ComplianceChecklistName, bool HasComplianceRequirements, DateTime Created)
{
    public static ProviderOfferingResponse From(HttpRequest request, OfferingView offering) => new(
        offering.Id, ApiUrls.Of(request, "marketplace-provider-offerings", offering.Id), offering.Name, offering.Description,
        offering.CustomerId, offering.CustomerName, offering.ServiceProviderId, offering.State, offering.ChecklistId,
        offering.ChecklistName, offering.HasComplianceRequirements, offering.Created);
}

public sealed record PublicOfferingResponse(
    Guid Uuid, string Url, string Name, string Description, Guid CustomerUuid, string CustomerName, string State,
    bool HasComplianceRequirements)
{
    public static PublicOfferingResponse From(HttpRequest request, OfferingView offering) => new(
        offering.Id, ApiUrls.Of(request, "marketplace-public-offerings", offering.Id), offering.Name, offering.Description,
        offering.CustomerId, offering.CustomerName, offering.State, offering.HasComplianceRequirements);
}

/// <summary>The answer of a state change (Waldur's <c>DetailState</c>).</summary>
public sealed record DetailStateResponse(string Detail, string State);

public sealed record CreateOfferingRequest(string Name, Guid Customer, string? Description, Guid? ComplianceChecklist);

public sealed record OfferingUserResponse(
    Guid Uuid, string Url, Guid OfferingUuid, string OfferingName, Guid UserUuid, string UserUsername, string UserFullName,
    string UserEmail, string Username, string State, bool IsRestricted, bool HasComplianceChecklist, DateTime Created,
    DateTime Modified)
{
    public static OfferingUserResponse From(HttpRequest request, OfferingUserView user) => new(
        user.Id, ApiUrls.Of(request, "marketplace-offering-users", user.Id), user.OfferingId, user.OfferingName, user.UserId,
        user.UserUsername, user.UserFullName, user.UserEmail, user.Username, user.State, user.IsRestricted,
        user.HasComplianceChecklist, user.Created, user.Modified);
}

public sealed record CreateOfferingUserRequest(Guid Offering, Guid User, string? Username);

public sealed record UpdateOfferingUserRequest(string? Username, string? State, bool? IsRestricted);

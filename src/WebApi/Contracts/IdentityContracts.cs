using ComplianceGrains.Identity;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Contracts;

public sealed record UserResponse(
    Guid Uuid, string Url, string Username, string FullName, string Email, bool IsStaff, bool IsSupport, DateTime DateJoined)
{
    public static UserResponse From(HttpRequest request, UserView user) => new(
        user.Id, ApiUrls.Of(request, "users", user.Id), user.Username, user.FullName, user.Email, user.IsStaff, user.IsSupport,
        user.Created);
}

public sealed record CurrentUserResponse(
    Guid Uuid, string Url, string Username, string FullName, string Email, bool IsStaff, bool IsSupport, DateTime DateJoined,
    string Token);

public sealed record CreateUserRequest(
    string Username, string? FullName, string? Email, string? Password, bool? IsStaff, bool? IsSupport);

public sealed record PasswordLoginRequest(string Username, string Password);

public sealed record TokenResponse(string Token);

public sealed record CustomerResponse(Guid Uuid, string Url, string Name, Guid? ServiceProviderUuid, DateTime Created)
{
    public static CustomerResponse From(HttpRequest request, Marketplace.CustomerView customer) => new(
        customer.Id, ApiUrls.Of(request, "customers", customer.Id), customer.Name, customer.ServiceProviderId, customer.Created);
}

public sealed record CreateCustomerRequest(string Name);

public sealed record CustomerUserRequest(Guid User, string? Role);

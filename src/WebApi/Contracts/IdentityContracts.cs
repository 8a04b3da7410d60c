using ComplianceGrains.Identity;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Contracts;

public record UserResponse(
    Guid Uuid, string Url, string Username, string FullName, string FirstName, string LastName, string Email, bool IsStaff,
    bool IsSupport, int? TokenLifetime, DateTime DateJoined)
{
    public static UserResponse From(HttpRequest request, UserView user) => new(
        user.Id, ApiUrls.Of(request, "users", user.Id), user.Username, user.FullName, user.FirstName, user.LastName, user.Email,
        user.IsStaff, user.IsSupport, user.TokenLifetimeSeconds, user.Created);
}

/// <summary>The caller's own user, with the token of the request.</summary>
public sealed record CurrentUserResponse : UserResponse
{
    public CurrentUserResponse(UserResponse user, string token) : base(user) => Token = token;

    public string Token { get; init; }
}

public sealed record CreateUserRequest(
    string Username, string? FullName, string? FirstName, string? LastName, string? Email, string? Password, bool? IsStaff,
    bool? IsSupport, int? TokenLifetime);

/// <summary>The body of <c>refresh_token/</c>: the new token and who it belongs to (Waldur's <c>UserAuthToken</c>).</summary>
public sealed record RefreshedTokenResponse(
    string Token, DateTime Created, string UserFirstName, string UserLastName, string UserUsername, bool UserIsActive,
    int? UserTokenLifetime)
{
    public static RefreshedTokenResponse From(IssuedToken issued) => new(
        issued.Token, issued.Created, issued.User.FirstName, issued.User.LastName, issued.User.Username, true,
        issued.User.TokenLifetimeSeconds);
}

public sealed record DetailResponse(string Detail);

public sealed record PasswordLoginRequest(string Username, string Password);

public sealed record TokenResponse(string Token);

public sealed record CustomerResponse(Guid Uuid, string Url, string Name, Guid? ServiceProviderUuid, DateTime Created)
{
    public static CustomerResponse From(HttpRequest request, Marketplace.CustomerView customer) => new(
        customer.Id, ApiUrls.Of(request, "customers", customer.Id), customer.Name, customer.ServiceProviderId, customer.Created);
}

public sealed record CreateCustomerRequest(string Name);

public sealed record CustomerUserRequest(Guid User, string? Role, DateTime? ExpirationTime);

public sealed record RoleExpirationResponse(DateTime? ExpirationTime);

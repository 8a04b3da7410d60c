using Microsoft.AspNetCore.Authorization;

namespace ComplianceGrains.WebApi.Auth;

/// <summary>
/// The authorization policy <c>"Staff"</c> of the staff-only operator views (the Orleans dashboard): an authenticated
/// staff user, by the web pages' session cookie (the dashboard's own scripts send no token) or by API token. The token
/// scheme comes last, so that an anonymous caller gets its 401 rather than the cookie's redirect.
/// </summary>
public static class StaffPolicy
{
    public const string Name = "Staff";

    public static AuthorizationBuilder AddStaffPolicy(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Name, policy => policy
            .AddAuthenticationSchemes(Web.PageCookies.Scheme, TokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.IsStaff()));
}

using Microsoft.AspNetCore.Authorization;

namespace ComplianceGrains.WebApi.Auth;

/// <summary>
/// The authorization policy <c>"Staff"</c> of the staff-only web things (the Orleans dashboard): an authenticated
/// staff user, by API token today; a cookie scheme of the web pages joins it by being added to its schemes.
/// </summary>
public static class StaffPolicy
{
    public const string Name = "Staff";

    public static AuthorizationBuilder AddStaffPolicy(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Name, policy => policy
            .AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.IsStaff()));
}

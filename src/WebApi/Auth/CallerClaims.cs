using System.Security.Claims;

namespace ComplianceGrains.WebApi.Auth;

/// <summary>The caller of a request, carried in its claims and handed to every grain call.</summary>
public static class CallerClaims
{
    private const string UserIdClaim = "compliance:user";
    private const string StaffClaim = "compliance:staff";
    private const string SupportClaim = "compliance:support";

    public static IEnumerable<Claim> From(Caller caller) =>
    [
        new(UserIdClaim, caller.UserId.ToString("N")),
        new(StaffClaim, caller.IsStaff ? "1" : "0"),
        new(SupportClaim, caller.IsSupport ? "1" : "0"),
    ];

    public static bool IsStaff(this ClaimsPrincipal user) => user.FindFirst(StaffClaim)?.Value == "1";

    public static Caller Caller(this HttpContext context) => context.User.Caller();

    public static Caller Caller(this ClaimsPrincipal user)
    {
        if (user.FindFirst(UserIdClaim)?.Value is not { } id) return ComplianceGrains.Caller.Anonymous;
        return new Caller(Guid.ParseExact(id, "N"), user.FindFirst(StaffClaim)?.Value == "1", user.FindFirst(SupportClaim)?.Value == "1");
    }
}

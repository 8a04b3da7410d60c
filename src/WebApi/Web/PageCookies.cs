using System.Security.Claims;
using ComplianceGrains.WebApi.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ComplianceGrains.WebApi.Web;

/// <summary>
/// The session cookie of the web pages. It carries the hash of a token issued at sign-in, and every request checks
/// that token (see <see cref="TokenAuthenticator"/>), so a revoked token (refresh_token/, sign-out) ends the session at once.
/// </summary>
public static class PageCookies
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    private const string TokenHashClaim = "compliance:token-hash";

    public static ClaimsPrincipal Principal(Caller caller, string tokenHash, string displayName)
    {
        var claims = CallerClaims.From(caller).Append(new Claim(TokenHashClaim, tokenHash)).Append(new Claim(ClaimTypes.Name, displayName));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    public static string? TokenHash(ClaimsPrincipal user) => user.FindFirst(TokenHashClaim)?.Value;

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "compliance.session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/signin";
        options.LogoutPath = "/signout";
        options.AccessDeniedPath = "/error/403";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = ValidateAsync;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var tokens = context.HttpContext.RequestServices.GetRequiredService<TokenAuthenticator>();
        var caller = TokenHash(context.Principal!) is { } hash ? await tokens.AuthenticateAsync(hash) : null;
        if (caller is not null && caller.UserId == context.Principal!.Caller().UserId) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using ComplianceGrains.Domain;
using ComplianceGrains.WebApi.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ComplianceGrains.WebApi.Auth;

/// <summary>
/// <c>Authorization: Token &lt;key&gt;</c>. The token is hashed and resolved by the <see cref="TokenAuthenticator"/>, whose
/// cache is told of every revocation before the revocation is acknowledged, so a refreshed or revoked token takes effect
/// at once.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenAuthenticator tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    private const string InvalidTokenKey = "invalid-token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (CallerToken.Read(Request) is not { } token) return AuthenticateResult.NoResult();
        var caller = await tokens.AuthenticateAsync(TokenHashing.Hash(token));
        if (caller is null)
        {
            Context.Items[InvalidTokenKey] = true;
            return AuthenticateResult.Fail("Invalid token.");
        }
        var identity = new ClaimsIdentity(CallerClaims.From(caller), SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>True when the request carried a token that is unknown or revoked.</summary>
    public static bool HasInvalidToken(HttpContext context) => context.Items.ContainsKey(InvalidTokenKey);

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        var detail = Context.Items.ContainsKey(InvalidTokenKey) ? "Invalid token." : "Authentication credentials were not provided.";
        await Response.WriteAsJsonAsync(ApiExceptionHandler.Detail(detail), ApiJson.Options);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsJsonAsync(
            ApiExceptionHandler.Detail("You do not have permission to perform this action."), ApiJson.Options);
    }
}

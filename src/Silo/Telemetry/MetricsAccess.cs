using System.Net.Http.Headers;
using System.Text.Json;
using ComplianceGrains.Domain;
using ComplianceGrains.Identity;
using Microsoft.AspNetCore.Http;

namespace ComplianceGrains.Silo.Telemetry;

/// <summary>
/// Guards <c>/metrics</c>: open to <see cref="MetricsAccessRules"/>' addresses, and to staff tokens
/// (<c>Authorization: Token &lt;key&gt;</c>) from anywhere; 401 without a valid token, 403 for other users. Works in the
/// front end and in a silo alike, since both reach the token grains.
/// </summary>
public sealed class MetricsAccess(RequestDelegate next, MetricsAccessRules rules, IGrainFactory grains)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (rules.AllowsWithoutToken(context.Connection.RemoteIpAddress))
        {
            await next(context);
            return;
        }
        if (Token(context.Request) is not { } token)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "Authentication credentials were not provided.");
            return;
        }
        var caller = await grains.GetGrain<ITokenGrain>(TokenHashing.Hash(token)).AuthenticateAsync();
        if (caller is null)
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "Invalid token.");
        else if (!caller.IsStaff)
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "You do not have permission to perform this action.");
        else
            await next(context);
    }

    private static string? Token(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
        && header.Scheme.Equals("Token", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(header.Parameter)
            ? header.Parameter.Trim()
            : null;

    private static async Task RefuseAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Token";
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new Dictionary<string, string> { ["detail"] = detail });
    }
}

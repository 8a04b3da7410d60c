using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Auth;

/// <summary>
/// A request to the API with a bad token is refused even where no token is needed (the public catalogue), as
/// Django REST Framework does: a client with a revoked token learns it at once instead of silently going anonymous.
/// </summary>
public static class InvalidTokenRejection
{
    public static IApplicationBuilder UseInvalidTokenRejection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && TokenAuthenticationHandler.HasInvalidToken(context))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = TokenAuthenticationHandler.SchemeName;
                await context.Response.WriteAsJsonAsync(ApiExceptionHandler.Detail("Invalid token."), ApiJson.Options);
                return;
            }
            await next(context);
        });
}

using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api-auth/password", LoginAsync)
            .WithTags("Authentication")
            .Accepts<PasswordLoginRequest>("application/json")
            .Produces<TokenResponse>()
            .RequireRateLimiting(SignInLimits.PolicyName)
            .Produces<DetailResponse>(StatusCodes.Status401Unauthorized)
            .AllowAnonymous();
    }

    private static async Task<IResult> LoginAsync(HttpContext context, PasswordSignIn signIn)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var username = body.String("username", required: true, allowBlank: false);
        var password = body.String("password", required: true, allowBlank: false);
        body.ThrowIfInvalid();
        var token = await signIn.SignInAsync(username!, password!) ?? throw HttpErrorException.InvalidCredentials();
        return Results.Json(new TokenResponse(token), ApiJson.Options);
    }
}

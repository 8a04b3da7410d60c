using System.Globalization;
using System.Threading.RateLimiting;
using ComplianceGrains.WebApi.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;

namespace ComplianceGrains.WebApi.Auth;

/// <summary>
/// The <c>SignIn</c> configuration section: how many failed sign-ins one username may have in a window, and how many
/// sign-in attempts one client address may make in a window. Over either limit a sign-in answers 429 with
/// <c>Retry-After</c>.
/// </summary>
public sealed class SignInLimits
{
    public const string Section = "SignIn";

    /// <summary>The rate limiter policy of every sign-in endpoint (the API's and the sign-in page's): attempts per address.</summary>
    public const string PolicyName = "SignIn";

    public int FailedAttemptsPerUsername { get; set; } = 10;

    public int FailedAttemptsWindowSeconds { get; set; } = 15 * 60;

    public int AttemptsPerAddress { get; set; } = 300;

    public int AttemptsPerAddressWindowSeconds { get; set; } = 60;
}

public static class SignInRateLimiting
{
    /// <summary>Registers the <see cref="SignInLimits.PolicyName"/> policy and the per-username <see cref="SignInThrottle"/>.</summary>
    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(SignInLimits.Section).Get<SignInLimits>() ?? new SignInLimits();
        services.AddSingleton(limits);
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<PasswordSignIn>();
        services.AddRateLimiter(options =>
        {
            // Only attempts count: the sign-in page itself (GET) is never refused.
            options.AddPolicy(SignInLimits.PolicyName, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.AttemptsPerAddress,
                        Window = TimeSpan.FromSeconds(limits.AttemptsPerAddressWindowSeconds),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? wait
                    : TimeSpan.FromSeconds(limits.AttemptsPerAddressWindowSeconds);
                await WriteThrottledAsync(context.HttpContext, retryAfter, cancellationToken);
            };
        });
        return services;
    }

    /// <summary>A 429 as Django REST Framework's throttling answers it, or a short page for the sign-in page.</summary>
    public static async Task WriteThrottledAsync(HttpContext context, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var seconds = RetryAfterSeconds(retryAfter);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!IsApiRequest(context.Request))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Too many sign-in attempts</title>" +
                $"<p role=\"alert\">Too many sign-in attempts from your address. Try again in {seconds} seconds.</p>" +
                "<p><a href=\"/signin\">Back to sign-in</a></p></html>", cancellationToken);
            return;
        }
        await context.Response.WriteAsJsonAsync(
            ApiExceptionHandler.Detail($"Request was throttled. Expected available in {seconds} seconds."), ApiJson.Options, cancellationToken);
    }

    private static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/api-auth");

    public static int RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
}

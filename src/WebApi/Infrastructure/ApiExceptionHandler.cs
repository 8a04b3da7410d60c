using ComplianceGrains.Errors;
using ComplianceGrains.WebApi.Auth;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;

namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>The one place that turns domain and HTTP errors into the API's error bodies (API.md §0).</summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is SignInThrottledException throttled)
        {
            await SignInRateLimiting.WriteThrottledAsync(context, throttled.RetryAfter, cancellationToken);
            return true;
        }
        var (status, body) = Map(exception);
        if (status >= 500) logger.LogError(exception, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(body, ApiJson.Options, cancellationToken);
        return true;
    }

    public static (int Status, object Body) Map(Exception exception) => exception switch
    {
        NotFoundException => (StatusCodes.Status404NotFound, Detail("Not found.")),
        PermissionDeniedException e => (StatusCodes.Status403Forbidden, Detail(e.Message)),
        ValidationException { Detail: { } detail } => (StatusCodes.Status400BadRequest, Detail(detail)),
        ValidationException e => (StatusCodes.Status400BadRequest, e.Errors),
        ItemErrorsException e => (StatusCodes.Status400BadRequest, e.Items),
        HttpErrorException e => (e.StatusCode, Detail(e.Detail)),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, Detail("Request body is too large.")),
        BadHttpRequestException e => (e.StatusCode, Detail(e.Message)),
        _ when IsUnavailability(exception) =>
            (StatusCodes.Status503ServiceUnavailable, Detail("The service is temporarily unavailable. Try again shortly.")),
        _ => (StatusCodes.Status500InternalServerError, Detail("A server error occurred.")),
    };

    /// <summary>
    /// The cluster or its database cannot be reached: the request may succeed later (503), it is not a bug (500).
    /// Database errors may arrive from a silo as a copy that names the original type.
    /// </summary>
    private static bool IsUnavailability(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException
                or System.Data.Common.DbException or System.Net.Sockets.SocketException)
                return true;
            var text = e.GetType().FullName + " " + e.Message;
            if (text.Contains("Npgsql", StringComparison.Ordinal) || text.Contains("DbException", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    public static Dictionary<string, string> Detail(string detail) => new() { ["detail"] = detail };
}

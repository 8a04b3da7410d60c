using ComplianceGrains.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;

namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>The one place that turns domain and HTTP errors into the API's error bodies (API.md §0).</summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
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
        HttpErrorException e => (e.StatusCode, Detail(e.Detail)),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, Detail("Request body is too large.")),
        BadHttpRequestException e => (e.StatusCode, Detail(e.Message)),
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException =>
            (StatusCodes.Status503ServiceUnavailable, Detail("The service is temporarily unavailable. Try again shortly.")),
        _ => (StatusCodes.Status500InternalServerError, Detail("A server error occurred.")),
    };

    public static Dictionary<string, string> Detail(string detail) => new() { ["detail"] = detail };
}

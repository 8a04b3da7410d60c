namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>JSON bodies for responses the framework ends without one (unknown routes, wrong methods); web pages have their own.</summary>
public static class StatusCodeBodies
{
    public static IApplicationBuilder UseJsonStatusCodeBodies(this IApplicationBuilder app) =>
        app.UseWhen(context => !Web.WebPagePaths.Includes(context.Request.Path), api => api.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var detail = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => "Not found.",
                StatusCodes.Status405MethodNotAllowed => $"Method \"{http.Request.Method}\" not allowed.",
                StatusCodes.Status401Unauthorized => "Authentication credentials were not provided.",
                StatusCodes.Status403Forbidden => "You do not have permission to perform this action.",
                StatusCodes.Status413PayloadTooLarge => "Request body is too large.",
                StatusCodes.Status415UnsupportedMediaType => $"Unsupported media type \"{http.Request.ContentType}\" in request.",
                var code => $"Request failed with status {code}.",
            };
            await http.Response.WriteAsJsonAsync(ApiExceptionHandler.Detail(detail), ApiJson.Options);
        }));
}

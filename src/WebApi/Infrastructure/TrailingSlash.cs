namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>
/// Every path may end with '/' or not (API.md §0): routes are matched without it. The Orleans dashboard is left as it
/// is: it serves its page at <c>/dashboard/</c> and redirects <c>/dashboard</c> there.
/// </summary>
public static class TrailingSlash
{
    public static IApplicationBuilder UseOptionalTrailingSlash(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value;
            if (path is { Length: > 1 } && path.EndsWith('/') && !context.Request.Path.StartsWithSegments(Hosting.DashboardHosting.Path))
                context.Request.Path = path.TrimEnd('/');
            return next(context);
        });
}

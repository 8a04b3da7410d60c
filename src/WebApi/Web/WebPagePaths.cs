namespace ComplianceGrains.WebApi.Web;

/// <summary>The paths of the web pages and their assets: they answer HTML, never the API's JSON bodies.</summary>
public static class WebPagePaths
{
    private static readonly string[] Prefixes = ["/signin", "/signout", "/compliance", "/providers", "/offerings", "/admin", "/error", "/assets"];

    public static bool Includes(PathString path) =>
        path.Value is null or "" or "/" || Prefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}

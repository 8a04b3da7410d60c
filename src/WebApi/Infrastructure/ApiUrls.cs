namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>Absolute URLs of API objects, as clients follow them.</summary>
public static class ApiUrls
{
    public static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static string Of(HttpRequest request, string collection, Guid id) => $"{Base(request)}/api/{collection}/{id:N}/";
}

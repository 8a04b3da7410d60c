using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>Absolute URLs of API objects, as clients follow them.</summary>
public static class ApiUrls
{
    /// <summary>The configuration key of the base URL used when a request names no host (HTTP/1.0 clients, probes).</summary>
    public const string PublicBaseUrlKey = "Api:PublicBaseUrl";

    /// <summary>
    /// The scheme, host and path base of the request; without a <c>Host</c> header, <c>Api:PublicBaseUrl</c>, else the
    /// first address the server listens on, so that a link never has an empty host.
    /// </summary>
    public static string Base(HttpRequest request)
    {
        if (request.Host.HasValue) return $"{request.Scheme}://{request.Host}{request.PathBase}";
        var services = request.HttpContext.RequestServices;
        if (services.GetService<IConfiguration>()?[PublicBaseUrlKey] is { Length: > 0 } configured) return configured.TrimEnd('/');
        var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return $"{Reachable(listening ?? "http://localhost").TrimEnd('/')}{request.PathBase}";
    }

    /// <summary>A wildcard listening address (<c>http://+:80</c>, <c>http://0.0.0.0:80</c>) names no host a client can use.</summary>
    private static string Reachable(string address)
    {
        foreach (var wildcard in new[] { "//+:", "//*:", "//0.0.0.0:", "//[::]:" })
            if (address.Contains(wildcard, StringComparison.Ordinal)) return address.Replace(wildcard, "//localhost:", StringComparison.Ordinal);
        return address;
    }

    public static string Of(HttpRequest request, string collection, Guid id) => $"{Base(request)}/api/{collection}/{id:N}/";
}

using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplianceGrains.WebApi.Hosting;

/// <summary>Documents every path with its trailing slash, the form clients use (API.md §0).</summary>
public sealed class TrailingSlashPathsFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
            paths[path.EndsWith('/') ? path : path + "/"] = item;
        document.Paths = paths;
    }
}

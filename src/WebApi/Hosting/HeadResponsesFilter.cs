using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplianceGrains.WebApi.Hosting;

/// <summary>HEAD on a list answers its headers only: the document gives its 200 the count header and no body.</summary>
public sealed class HeadResponsesFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        foreach (var item in document.Paths.Values)
        {
            if (item.Operations?.TryGetValue(HttpMethod.Head, out var head) != true) continue;
            head!.Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Description = "The number of items GET would list, in X-Result-Count; no body.",
                    Headers = new Dictionary<string, IOpenApiHeader>
                    {
                        ["X-Result-Count"] = new OpenApiHeader { Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                    },
                },
            };
        }
    }
}

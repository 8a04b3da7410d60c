using ComplianceGrains.WebApi.Infrastructure;
using Microsoft.OpenApi;

namespace ComplianceGrains.WebApi.Hosting;

/// <summary>The OpenAPI document at <c>/api/schema/</c> and the Swagger UI at <c>/api/docs/</c>.</summary>
public static class OpenApiSetup
{
    public const string DocumentName = "schema";

    public static IServiceCollection AddComplianceOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        // Once the web pages register MVC, Swashbuckle names properties by MVC's JSON options, not the minimal APIs' ones.
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => ApiJson.Configure(options.JsonSerializerOptions));
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "ComplianceGrains API",
                Version = "v1",
                Description = "Offering compliance checklists, wire-compatible with the Waldur marketplace API.",
            });
            options.AddSecurityDefinition("Token", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "Authorization",
                Description = "Authorization: Token <key>",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Token", document)] = [],
            });
            options.DocumentFilter<TrailingSlashPathsFilter>();
            options.DocumentFilter<WaldurOperationIds>();
            options.DocumentFilter<HeadResponsesFilter>();
            options.SupportNonNullableReferenceTypes();
            options.UseAllOfToExtendReferenceSchemas();
            options.SchemaFilter<WireSchemaFilter>();
            options.CustomSchemaIds(WaldurSchemaNames.Of);
        });
        return services;
    }

    public static void UseComplianceSwaggerUi(this IApplicationBuilder app) =>
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "api/docs";
            options.SwaggerEndpoint($"/api/{DocumentName}/", "ComplianceGrains API");
        });

    public static void MapComplianceSwaggerDocument(this IEndpointRouteBuilder app) =>
        app.MapSwagger("/api/{documentName:regex(^" + DocumentName + "$)}").AllowAnonymous();
}

using ComplianceGrains.Catalog;
using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

public static class ServiceProvidersEndpoints
{
    public static void MapServiceProvidersEndpoints(this IEndpointRouteBuilder app)
    {
        var providers = app.MapGroup("/api/marketplace-service-providers").WithTags("Service providers").RequireAuthorization();
        providers.MapPost("/", CreateAsync)
            .Accepts<CreateServiceProviderRequest>("application/json")
            .Produces<ServiceProviderResponse>(StatusCodes.Status201Created);
        providers.MapList("/", ListAsync).Produces<ServiceProviderResponse[]>();
        providers.MapGet("/{uuid}", GetAsync).Produces<ServiceProviderResponse>();
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var customerId = body.Reference("customer", required: true);
        var description = body.String("description") ?? "";
        body.ThrowIfInvalid();
        var provider = await grains.GetGrain<IServiceProviderGrain>(Guid.NewGuid())
            .CreateAsync(context.Caller(), customerId!.Value, description);
        return Results.Json(
            ServiceProviderResponse.From(context.Request, provider), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var ids = await grains.GetGrain<ICatalogGrain>(CatalogNames.ServiceProviders).ListAsync();
        return await IdListing.PageAsync(
            context, ids, id => grains.GetGrain<IServiceProviderGrain>(id).GetAsync(caller),
            p => ServiceProviderResponse.From(context.Request, p));
    }

    private static async Task<IResult> GetAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var provider = await grains.GetGrain<IServiceProviderGrain>(RouteIds.Parse(uuid)).GetAsync(context.Caller());
        return Results.Json(ServiceProviderResponse.From(context.Request, provider), ApiJson.Options);
    }
}

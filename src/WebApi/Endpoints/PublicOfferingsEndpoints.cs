using ComplianceGrains.Catalog;
using ComplianceGrains.Errors;
using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>The public catalogue: offerings that are neither drafts nor archived, readable without a token.</summary>
public static class PublicOfferingsEndpoints
{
    public static void MapPublicOfferingsEndpoints(this IEndpointRouteBuilder app)
    {
        var offerings = app.MapGroup("/api/marketplace-public-offerings").WithTags("Public offerings").AllowAnonymous();
        offerings.MapList("/", ListAsync).Produces<PublicOfferingResponse[]>();
        offerings.MapGet("/{uuid}", GetAsync).Produces<PublicOfferingResponse>();
    }

    private static bool IsPublic(OfferingView offering) => OfferingStates.IsPublic(offering.State);

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICatalogGrain>(CatalogNames.Offerings).ListAsync();
        var offerings = await Task.WhenAll(ids.Select(id => grains.GetGrain<IOfferingGrain>(id).GetPublicAsync()));
        var visible = offerings.Where(IsPublic).Select(o => PublicOfferingResponse.From(context.Request, o)).ToList();
        return Pagination.RespondWith(context, visible);
    }

    private static async Task<IResult> GetAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var offering = await grains.GetGrain<IOfferingGrain>(RouteIds.Parse(uuid)).GetPublicAsync();
        if (!IsPublic(offering)) throw new NotFoundException();
        return Results.Json(PublicOfferingResponse.From(context.Request, offering), ApiJson.Options);
    }
}

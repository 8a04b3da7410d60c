using ComplianceGrains.Catalog;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

public static class ProviderOfferingsEndpoints
{
    public static RouteGroupBuilder MapProviderOfferingsEndpoints(this IEndpointRouteBuilder app)
    {
        var offerings = app.MapGroup("/api/marketplace-provider-offerings").WithTags("Provider offerings").RequireAuthorization();
        offerings.MapPost("/", CreateAsync)
            .Accepts<CreateOfferingRequest>("application/json")
            .Produces<ProviderOfferingResponse>(StatusCodes.Status201Created);
        offerings.MapList("/", ListAsync).Produces<ProviderOfferingResponse[]>();
        offerings.MapGet("/{uuid}", GetAsync).Produces<ProviderOfferingResponse>();
        offerings.MapPost("/{uuid}/archive", ArchiveAsync).Produces<DetailStateResponse>();
        return offerings;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var name = body.String("name", required: true, maxLength: 150, allowBlank: false);
        var customerId = body.Reference("customer", required: true);
        var description = body.String("description") ?? "";
        var checklistId = body.Reference("compliance_checklist", allowNull: true);
        body.ThrowIfInvalid();
        var offering = await grains.GetGrain<IOfferingGrain>(Guid.NewGuid())
            .CreateAsync(context.Caller(), new NewOffering(name!, description, customerId!.Value, checklistId));
        return Results.Json(
            ProviderOfferingResponse.From(context.Request, offering), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var ids = caller.CanReadEverything
            ? await grains.GetGrain<ICatalogGrain>(CatalogNames.Offerings).ListAsync()
            : await MemberOfferingIdsAsync(caller, grains);
        return await IdListing.PageAsync(
            context, ids, id => grains.GetGrain<IOfferingGrain>(id).GetAsync(caller),
            o => ProviderOfferingResponse.From(context.Request, o));
    }

    private static async Task<IReadOnlyList<Guid>> MemberOfferingIdsAsync(Caller caller, IGrainFactory grains)
    {
        var user = await grains.GetGrain<IUserGrain>(caller.UserId).GetAsync(caller);
        var customers = await Task.WhenAll(user.CustomerRoles.Keys.Select(id => grains.GetGrain<ICustomerGrain>(id).GetAsync(caller)));
        var providers = await Task.WhenAll(customers
            .Where(c => c.ServiceProviderId is not null)
            .Select(c => grains.GetGrain<IServiceProviderGrain>(c.ServiceProviderId!.Value).GetAsync(caller)));
        return providers.SelectMany(p => p.OfferingIds).ToList();
    }

    private static async Task<IResult> GetAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var offering = await grains.GetGrain<IOfferingGrain>(RouteIds.Parse(uuid)).GetAsync(context.Caller());
        return Results.Json(ProviderOfferingResponse.From(context.Request, offering), ApiJson.Options);
    }

    private static async Task<IResult> ArchiveAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var offering = await grains.GetGrain<IOfferingGrain>(RouteIds.Parse(uuid)).ArchiveAsync(context.Caller());
        return Results.Json(new DetailStateResponse("Offering state updated.", offering.State), ApiJson.Options);
    }
}

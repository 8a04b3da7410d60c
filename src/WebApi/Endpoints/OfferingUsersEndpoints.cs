using ComplianceGrains.Compliance;
using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

public static class OfferingUsersEndpoints
{
    public static RouteGroupBuilder MapOfferingUsersEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/marketplace-offering-users").WithTags("Offering users").RequireAuthorization();
        users.MapPost("/", CreateAsync)
            .Accepts<CreateOfferingUserRequest>("application/json")
            .Produces<OfferingUserResponse>(StatusCodes.Status201Created);
        users.MapList("/", ListAsync).Produces<OfferingUserResponse[]>();
        users.MapGet("/{uuid}", GetAsync).Produces<OfferingUserResponse>();
        users.MapPatch("/{uuid}", UpdateAsync).Accepts<UpdateOfferingUserRequest>("application/json").Produces<OfferingUserResponse>();
        users.MapDelete("/{uuid}", DeleteAsync).Produces(StatusCodes.Status204NoContent);
        return users;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var offeringId = body.Reference("offering", required: true);
        var userId = body.Reference("user", required: true);
        var username = body.String("username", maxLength: 100, allowNull: true);
        body.ThrowIfInvalid();
        var user = await grains.GetGrain<IOfferingUserGrain>(Guid.NewGuid())
            .CreateAsync(context.Caller(), offeringId!.Value, userId!.Value, username);
        return Results.Json(OfferingUserResponse.From(context.Request, user), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains)
    {
        var filter = new OfferingUserFilter(
            QueryFilters.Uuid(context.Request, "offering_uuid"), QueryFilters.Uuid(context.Request, "user_uuid"));
        var page = await grains.GetGrain<IProjectionQueryGrain>(0)
            .ListOfferingUsersAsync(context.Caller(), filter, Pagination.ParseRequest(context.Request));
        return Pagination.Respond(
            context, page.Items.Select(row => OfferingUserResponse.From(context.Request, row.OfferingUser)).ToList(), page.TotalCount);
    }

    private static async Task<IResult> GetAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var user = await grains.GetGrain<IOfferingUserGrain>(RouteIds.Parse(uuid)).GetAsync(context.Caller());
        return Results.Json(OfferingUserResponse.From(context.Request, user), ApiJson.Options);
    }

    private static async Task<IResult> UpdateAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IOfferingUserGrain>(RouteIds.Parse(uuid));
        var body = await JsonBody.ReadObjectAsync(context);
        var changes = new OfferingUserChanges(
            body.String("username", maxLength: 100),
            body.Choice("state", OfferingUserStates.All),
            body.Bool("is_restricted"));
        body.ThrowIfInvalid();
        var user = await grain.UpdateAsync(context.Caller(), changes);
        return Results.Json(OfferingUserResponse.From(context.Request, user), ApiJson.Options);
    }

    private static async Task<IResult> DeleteAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        await grains.GetGrain<IOfferingUserGrain>(RouteIds.Parse(uuid)).DeleteAsync(context.Caller());
        return Results.NoContent();
    }
}

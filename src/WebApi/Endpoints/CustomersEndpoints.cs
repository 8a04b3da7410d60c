using ComplianceGrains.Catalog;
using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

public static class CustomersEndpoints
{
    /// <summary>Waldur's role names, and the short names this API accepted first.</summary>
    private static readonly Dictionary<string, CustomerRole> Roles = new()
    {
        ["CUSTOMER.OWNER"] = CustomerRole.Owner,
        ["CUSTOMER.MANAGER"] = CustomerRole.Manager,
        ["CUSTOMER.SUPPORT"] = CustomerRole.Support,
        ["owner"] = CustomerRole.Owner,
        ["manager"] = CustomerRole.Manager,
        ["support"] = CustomerRole.Support,
    };

    public static void MapCustomersEndpoints(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers").WithTags("Customers").RequireAuthorization();
        customers.MapPost("/", CreateAsync).Accepts<CreateCustomerRequest>("application/json").Produces<CustomerResponse>(StatusCodes.Status201Created);
        customers.MapList("/", ListAsync).Produces<CustomerResponse[]>();
        customers.MapGet("/{uuid}", GetAsync).Produces<CustomerResponse>();
        customers.MapPost("/{uuid}/add_user", AddUserAsync).Accepts<CustomerUserRequest>("application/json")
            .Produces<RoleExpirationResponse>(StatusCodes.Status201Created);
        customers.MapPost("/{uuid}/delete_user", DeleteUserAsync).Accepts<CustomerUserRequest>("application/json")
            .Produces<DetailResponse>();
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        if (!caller.IsStaff) throw new PermissionDeniedException();
        var body = await JsonBody.ReadObjectAsync(context);
        var name = body.String("name", required: true, maxLength: 150, allowBlank: false);
        body.ThrowIfInvalid();
        var customer = await grains.GetGrain<ICustomerGrain>(Guid.NewGuid()).CreateAsync(caller, name!);
        return Results.Json(CustomerResponse.From(context.Request, customer), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        IReadOnlyList<Guid> ids = caller.CanReadEverything
            ? await grains.GetGrain<ICatalogGrain>(CatalogNames.Customers).ListAsync()
            : (await grains.GetGrain<IUserGrain>(caller.UserId).GetAsync(caller)).CustomerRoles.Keys.ToList();
        return await IdListing.PageAsync(
            context, ids, id => grains.GetGrain<ICustomerGrain>(id).GetAsync(caller), c => CustomerResponse.From(context.Request, c));
    }

    private static async Task<IResult> GetAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var customer = await grains.GetGrain<ICustomerGrain>(RouteIds.Parse(uuid)).GetAsync(context.Caller());
        return Results.Json(CustomerResponse.From(context.Request, customer), ApiJson.Options);
    }

    private static async Task<IResult> AddUserAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var customer = grains.GetGrain<ICustomerGrain>(RouteIds.Parse(uuid));
        var body = await JsonBody.ReadObjectAsync(context);
        var userId = body.Reference("user", required: true);
        var role = body.Choice("role", Roles.Keys, required: true);
        var expiresAt = body.Timestamp("expiration_time");
        body.ThrowIfInvalid();
        await customer.AddUserAsync(context.Caller(), userId!.Value, Roles[role!], expiresAt);
        return Results.Json(new RoleExpirationResponse(expiresAt), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> DeleteUserAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var customer = grains.GetGrain<ICustomerGrain>(RouteIds.Parse(uuid));
        var body = await JsonBody.ReadObjectAsync(context);
        var userId = body.Reference("user", required: true);
        body.ThrowIfInvalid();
        await customer.RemoveUserAsync(context.Caller(), userId!.Value);
        return Results.Json(ApiExceptionHandler.Detail("The user was removed from the customer."), ApiJson.Options);
    }
}

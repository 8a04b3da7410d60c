using ComplianceGrains.Catalog;
using ComplianceGrains.Domain;
using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

public static class UsersEndpoints
{
    /// <summary>Waldur's lower bound of <c>token_lifetime</c>.</summary>
    private const int MinTokenLifetimeSeconds = 60;

    public static void MapUsersEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization();
        users.MapGet("/me", MeAsync).Produces<CurrentUserResponse>();
        users.MapPost("/", CreateAsync).Accepts<CreateUserRequest>("application/json").Produces<UserResponse>(StatusCodes.Status201Created);
        users.MapList("/", ListAsync).Produces<UserResponse[]>();
        users.MapGet("/{uuid}", GetAsync).Produces<UserResponse>();
        users.MapPost("/{uuid}/refresh_token", RefreshTokenAsync).Produces<RefreshedTokenResponse>();
    }

    private static async Task<IResult> MeAsync(HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var user = await grains.GetGrain<IUserGrain>(caller.UserId).GetAsync(caller);
        return Results.Json(new CurrentUserResponse(UserResponse.From(context.Request, user), CallerToken.Read(context.Request)!), ApiJson.Options);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        if (!caller.IsStaff) throw new PermissionDeniedException();
        var body = await JsonBody.ReadObjectAsync(context);
        var username = body.String("username", required: true, maxLength: 128, allowBlank: false);
        var fullName = body.String("full_name", maxLength: 100, allowNull: true);
        var firstName = body.String("first_name", maxLength: 100, allowNull: true) ?? "";
        var lastName = body.String("last_name", maxLength: 100, allowNull: true) ?? "";
        var tokenLifetime = body.Int("token_lifetime", allowNull: true, min: MinTokenLifetimeSeconds);
        var email = body.String("email", maxLength: 320) ?? "";
        var password = body.String("password", allowBlank: false);
        var isStaff = body.Bool("is_staff") ?? false;
        var isSupport = body.Bool("is_support") ?? false;
        if (email != "" && !email.Contains('@')) body.AddError("email", "Enter a valid email address.");
        body.ThrowIfInvalid();

        var userId = Guid.NewGuid();
        if (!await grains.GetGrain<IUsernameGrain>(username!).ReserveAsync(userId))
            throw ValidationException.Field("username", "A user with that username already exists.");
        var user = await grains.GetGrain<IUserGrain>(userId)
            .CreateAsync(new NewUser(
                username!, PersonNames.FullName(fullName, firstName, lastName), email, password, isStaff, isSupport, firstName, lastName,
                tokenLifetime));
        await grains.GetGrain<ICatalogGrain>(CatalogNames.Users).AddAsync(userId);
        return Results.Json(UserResponse.From(context.Request, user), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        Task<UserView> Fetch(Guid id) => grains.GetGrain<IUserGrain>(id).GetAsync(caller);
        UserResponse Map(UserView user) => UserResponse.From(context.Request, user);
        return caller.CanReadEverything
            ? await IdListing.PageAsync(context, grains.GetGrain<ICatalogGrain>(CatalogNames.Users), Fetch, Map)
            : await IdListing.PageAsync(context, [caller.UserId], Fetch, Map);
    }

    private static async Task<IResult> GetAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var user = await grains.GetGrain<IUserGrain>(RouteIds.Parse(uuid)).GetAsync(context.Caller());
        return Results.Json(UserResponse.From(context.Request, user), ApiJson.Options);
    }

    private static async Task<IResult> RefreshTokenAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var issued = await grains.GetGrain<IUserGrain>(RouteIds.Parse(uuid)).RefreshTokenAsync(context.Caller());
        return Results.Json(RefreshedTokenResponse.From(issued), ApiJson.Options);
    }
}

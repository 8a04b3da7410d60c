using ComplianceGrains.Compliance;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>A provider's webhook subscriptions and their delivery logs (API.md §10).</summary>
public static class WebhookEndpoints
{
    public static void MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/marketplace-service-providers/{uuid}/compliance/webhooks")
            .WithTags("Service provider compliance")
            .RequireAuthorization();
        webhooks.MapPost("/", CreateAsync)
            .Accepts<WebhookSubscriptionRequest>("application/json")
            .Produces<CreatedWebhookSubscriptionResponse>(StatusCodes.Status201Created);
        webhooks.MapGet("/", ListAsync).Produces<WebhookSubscriptionResponse[]>();
        webhooks.MapGet("/{subscription}", GetAsync).Produces<WebhookSubscriptionResponse>();
        webhooks.MapPatch("/{subscription}", UpdateAsync)
            .Accepts<WebhookSubscriptionRequest>("application/json")
            .Produces<WebhookSubscriptionResponse>();
        webhooks.MapDelete("/{subscription}", DeleteAsync).Produces(StatusCodes.Status204NoContent);
        webhooks.MapGet("/{subscription}/deliveries", DeliveriesAsync).Produces<WebhookDeliveryResponse[]>();
        webhooks.MapPost("/{subscription}/deliveries/{delivery}/redeliver", RedeliverAsync).Produces<WebhookDeliveryResponse>(StatusCodes.Status202Accepted);
    }

    private static IWebhookGrain Grain(IGrainFactory grains, string uuid) => grains.GetGrain<IWebhookGrain>(RouteIds.Parse(uuid));

    private static async Task<IResult> CreateAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var grain = Grain(grains, uuid);
        await grain.ListAsync(context.Caller());
        var body = await JsonBody.ReadObjectAsync(context);
        var url = body.String("url", required: true, maxLength: 2000, allowBlank: false);
        var types = body.StringList("event_types") ?? [];
        body.ThrowIfInvalid();
        var created = await grain.CreateAsync(context.Caller(), url!, types);
        var s = created.Subscription;
        return Results.Json(
            new CreatedWebhookSubscriptionResponse(s.Id, s.Url, s.EventTypes, s.IsActive, s.Created, s.DisabledReason, created.Secret),
            ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var subscriptions = await Grain(grains, uuid).ListAsync(context.Caller());
        return Pagination.RespondWith(context, subscriptions.Select(WebhookSubscriptionResponse.From).ToList());
    }

    private static async Task<IResult> GetAsync(string uuid, string subscription, HttpContext context, IGrainFactory grains)
    {
        var view = await Grain(grains, uuid).GetAsync(context.Caller(), RouteIds.Parse(subscription));
        return Results.Json(WebhookSubscriptionResponse.From(view), ApiJson.Options);
    }

    private static async Task<IResult> UpdateAsync(string uuid, string subscription, HttpContext context, IGrainFactory grains)
    {
        var grain = Grain(grains, uuid);
        var id = RouteIds.Parse(subscription);
        await grain.GetAsync(context.Caller(), id);
        var body = await JsonBody.ReadObjectAsync(context);
        var changes = new WebhookSubscriptionChanges(
            body.String("url", maxLength: 2000, allowBlank: false), body.StringList("event_types"), body.Bool("is_active"));
        body.ThrowIfInvalid();
        var view = await grain.UpdateAsync(context.Caller(), id, changes);
        return Results.Json(WebhookSubscriptionResponse.From(view), ApiJson.Options);
    }

    private static async Task<IResult> DeleteAsync(string uuid, string subscription, HttpContext context, IGrainFactory grains)
    {
        await Grain(grains, uuid).DeleteAsync(context.Caller(), RouteIds.Parse(subscription));
        return Results.NoContent();
    }

    private static async Task<IResult> DeliveriesAsync(string uuid, string subscription, HttpContext context, IGrainFactory grains)
    {
        var page = await Grain(grains, uuid)
            .ListDeliveriesAsync(context.Caller(), RouteIds.Parse(subscription), Pagination.ParseRequest(context.Request));
        return Pagination.Respond(context, page.Items.Select(WebhookDeliveryResponse.From).ToList(), page.TotalCount);
    }

    private static async Task<IResult> RedeliverAsync(string uuid, string subscription, string delivery, HttpContext context, IGrainFactory grains)
    {
        var view = await Grain(grains, uuid).RedeliverAsync(context.Caller(), RouteIds.Parse(subscription), RouteIds.Parse(delivery));
        return Results.Json(WebhookDeliveryResponse.From(view), ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }
}

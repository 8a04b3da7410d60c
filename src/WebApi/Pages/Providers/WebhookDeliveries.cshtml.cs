using ComplianceGrains.Compliance;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Infrastructure;
using ComplianceGrains.WebApi.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages.Providers;

/// <summary>One subscription's delivery log (deliveries/), newest first, each with its attempts, and redeliver.</summary>
public sealed class WebhookDeliveriesModel(IGrainFactory grains) : PageModel
{
    public const int PageSize = 25;

    public Guid ProviderId { get; private set; }

    public WebhookSubscriptionView Subscription { get; private set; } = null!;

    public IReadOnlyList<WebhookDeliveryView> Deliveries { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public bool Redelivered { get; private set; }

    public async Task OnGetAsync(string id, string subscription, bool redelivered = false, int page = 1)
    {
        var caller = HttpContext.Caller();
        ProviderId = RouteIds.Parse(id);
        var grain = grains.GetGrain<IWebhookGrain>(ProviderId);
        Subscription = await grain.GetAsync(caller, RouteIds.Parse(subscription));
        var deliveries = await grain.ListDeliveriesAsync(caller, Subscription.Id, Pager.Request(page, PageSize));
        Deliveries = deliveries.Items;
        Pager = new Pager(page, PageSize, deliveries.TotalCount, Request.Query);
        Redelivered = redelivered;
    }

    public async Task<IActionResult> OnPostRedeliverAsync(string id, string subscription, Guid delivery)
    {
        var providerId = RouteIds.Parse(id);
        var subscriptionId = RouteIds.Parse(subscription);
        await grains.GetGrain<IWebhookGrain>(providerId).RedeliverAsync(HttpContext.Caller(), subscriptionId, delivery);
        return Redirect($"/providers/{providerId:N}/webhooks/{subscriptionId:N}/?redelivered=true");
    }
}

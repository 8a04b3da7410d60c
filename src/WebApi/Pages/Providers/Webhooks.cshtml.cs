using ComplianceGrains.Compliance;
using ComplianceGrains.Errors;
using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages.Providers;

/// <summary>
/// A provider's webhook subscriptions (compliance/webhooks/): the list, a new subscription with its secret shown in
/// the one response that creates it, activate or deactivate, delete. The webhook grain decides who may and what is valid.
/// </summary>
public sealed class WebhooksModel(IGrainFactory grains) : PageModel
{
    public Guid ProviderId { get; private set; }

    public string ProviderName { get; private set; } = "";

    public IReadOnlyList<WebhookSubscriptionView> Subscriptions { get; private set; } = [];

    /// <summary>The subscription this response created, with its secret; never shown again.</summary>
    public CreatedWebhookSubscription? Created { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string TargetUrl { get; private set; } = "";

    public IReadOnlyList<string> EventTypes { get; private set; } = [];

    public string? Done { get; private set; }

    public async Task OnGetAsync(string id, string? done)
    {
        Done = done is "activated" or "deactivated" or "deleted" ? done : null;
        await LoadAsync(id);
    }

    public async Task OnPostCreateAsync(string id, string? url, string[]? event_types)
    {
        TargetUrl = url?.Trim() ?? "";
        EventTypes = event_types ?? [];
        try
        {
            Created = await Grain(id).CreateAsync(HttpContext.Caller(), TargetUrl, EventTypes);
            Response.Headers.CacheControl = "no-store";
            (TargetUrl, EventTypes) = ("", []);
        }
        catch (ValidationException e)
        {
            Errors = e.Detail is { } detail ? new Dictionary<string, string[]> { [ValidationException.NonFieldErrors] = [detail] } : e.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(id);
    }

    public async Task<IActionResult> OnPostActiveAsync(string id, Guid subscription, bool active)
    {
        await Grain(id).UpdateAsync(HttpContext.Caller(), subscription, new WebhookSubscriptionChanges(null, null, active));
        return Redirect($"/providers/{RouteIds.Parse(id):N}/webhooks/?done={(active ? "activated" : "deactivated")}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, Guid subscription)
    {
        await Grain(id).DeleteAsync(HttpContext.Caller(), subscription);
        return Redirect($"/providers/{RouteIds.Parse(id):N}/webhooks/?done=deleted");
    }

    public string[] ErrorsOf(string field) => Errors.GetValueOrDefault(field) ?? [];

    private IWebhookGrain Grain(string id) => grains.GetGrain<IWebhookGrain>(RouteIds.Parse(id));

    private async Task LoadAsync(string id)
    {
        var caller = HttpContext.Caller();
        ProviderId = RouteIds.Parse(id);
        ProviderName = (await grains.GetGrain<IServiceProviderGrain>(ProviderId).GetAsync(caller)).CustomerName;
        Subscriptions = await Grain(id).ListAsync(caller);
    }
}

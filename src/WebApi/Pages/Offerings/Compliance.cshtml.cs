using ComplianceGrains.Catalog;
using ComplianceGrains.Checklists;
using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using ComplianceGrains.Errors;
using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages.Offerings;

/// <summary>
/// An offering's checklist: attach, change or detach it after a confirmation that says what will happen, then follow
/// the background job (compliance_sync/), refreshed while it runs.
/// </summary>
public sealed class ComplianceModel(IGrainFactory grains) : PageModel
{
    private const int MaxChecklistChoices = 200;

    public OfferingView Offering { get; private set; } = null!;

    public ComplianceSyncStatus Sync { get; private set; } = ComplianceSyncStatus.Never;

    public IReadOnlyList<ChecklistView> Choices { get; private set; } = [];

    /// <summary>Set while the caller confirms a change: the checklist chosen (null to detach) and what it will do.</summary>
    public ChecklistChoice? Pending { get; private set; }

    public async Task OnGetAsync(string id) => await LoadAsync(id);

    public async Task<IActionResult> OnGetSyncAsync(string id)
    {
        var sync = await Grain(id).GetComplianceSyncAsync(HttpContext.Caller());
        return new JsonResult(ComplianceSyncResponse.From(sync), ApiJson.Options);
    }

    public async Task OnPostConfirmAsync(string id, string? checklist)
    {
        await LoadAsync(id);
        var next = Guid.TryParse(checklist, out var chosen) ? chosen : (Guid?)null;
        var counts = await CountsAsync();
        var impact = ChecklistChangeImpact.Of(Offering.ChecklistId, next, counts.Users, counts.WithCompletions);
        Pending = new ChecklistChoice(next, Choices.FirstOrDefault(c => c.Id == next)?.Name, impact, counts.Known);
    }

    public async Task<IActionResult> OnPostApplyAsync(string id, string? checklist)
    {
        var next = Guid.TryParse(checklist, out var chosen) ? chosen : (Guid?)null;
        try
        {
            await Grain(id).UpdateComplianceChecklistAsync(HttpContext.Caller(), next);
        }
        catch (ValidationException e)
        {
            await LoadAsync(id);
            Error = e.Detail ?? string.Join(" ", e.Errors.Values.SelectMany(m => m));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/offerings/{RouteIds.Parse(id):N}/compliance/");
    }

    public string? Error { get; private set; }

    private IOfferingGrain Grain(string id) => grains.GetGrain<IOfferingGrain>(RouteIds.Parse(id));

    private async Task LoadAsync(string id)
    {
        var caller = HttpContext.Caller();
        Offering = await Grain(id).GetAsync(caller);
        Sync = await Grain(id).GetComplianceSyncAsync(caller);
        var ids = await grains.GetGrain<ICatalogGrain>(CatalogNames.Checklists).PageAsync(new PageRequest(0, MaxChecklistChoices));
        var views = await Task.WhenAll(ids.Items.Select(c => grains.GetGrain<IChecklistGrain>(c).FindAsync()));
        Choices = views.OfType<ChecklistView>().Where(c => c.ChecklistType == ChecklistTypes.OfferingCompliance).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The offering's counts from its provider; unknown to a caller who may change the offering but not monitor.</summary>
    private async Task<(int Users, int WithCompletions, bool Known)> CountsAsync()
    {
        try
        {
            var rows = await grains.GetGrain<IServiceProviderGrain>(Offering.ServiceProviderId).GetComplianceOverviewAsync(HttpContext.Caller());
            return rows.FirstOrDefault(r => r.OfferingId == Offering.Id) is { } row ? (row.TotalUsers, row.UsersWithCompletions, true) : (0, 0, true);
        }
        catch (PermissionDeniedException)
        {
            return (0, 0, false);
        }
    }

    public sealed record ChecklistChoice(Guid? Checklist, string? Name, ChecklistChangeImpact Impact, bool CountsKnown);
}

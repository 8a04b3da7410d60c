using ComplianceGrains.Compliance;
using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages.Providers;

/// <summary>A provider's compliance at a glance: the counters of its grain (O(offerings)), per offering and in total.</summary>
public sealed class DashboardModel(IGrainFactory grains) : PageModel
{
    public ServiceProviderView Provider { get; private set; } = null!;

    public IReadOnlyList<OfferingComplianceOverview> Offerings { get; private set; } = [];

    public IReadOnlyList<ChecklistUsage> Checklists { get; private set; } = [];

    public int TotalUsers => Offerings.Sum(o => o.TotalUsers);

    public int CompletedUsers => Offerings.Sum(o => o.CompletedUsers);

    public int PendingUsers => Offerings.Sum(o => o.PendingUsers);

    public int OverdueUsers => Offerings.Sum(o => o.OverdueUsers);

    /// <summary>Completed users over all offering users, as each offering's rate is computed.</summary>
    public double OverallRate => new OfferingComplianceOverview(Guid.Empty, "", null, TotalUsers, 0, CompletedUsers).ComplianceRate;

    public async Task OnGetAsync(string id)
    {
        // One call: the provider grain serves one request at a time, so three calls would queue three times.
        var dashboard = await grains.GetGrain<IServiceProviderGrain>(RouteIds.Parse(id)).GetDashboardAsync(HttpContext.Caller());
        (Provider, Offerings, Checklists) = (dashboard.Provider, dashboard.Offerings, dashboard.Checklists);
    }
}

using ComplianceGrains.Compliance;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Projections;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Infrastructure;
using ComplianceGrains.WebApi.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages.Providers;

/// <summary>A provider's offering users from the projection: the filters of offering_users/, a search, an order, pages of 50.</summary>
public sealed class UsersModel(IGrainFactory grains) : PageModel
{
    public const int PageSize = 50;

    public Guid ProviderId { get; private set; }

    public IReadOnlyList<OfferingComplianceOverview> Offerings { get; private set; } = [];

    public IReadOnlyList<OfferingUserSnapshot> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public string? Status { get; private set; }

    public Guid? Offering { get; private set; }

    public string? Search { get; private set; }

    public bool? Overdue { get; private set; }

    public bool Descending { get; private set; }

    public string ExportLink => $"/providers/{ProviderId:N}/users/export.csv" + Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", new Dictionary<string, string?>
    {
        ["format"] = "csv", ["compliance_status"] = Status, ["offering_uuid"] = Offering?.ToString("N"), ["search"] = Search,
        ["is_overdue"] = Overdue is { } overdue ? (overdue ? "true" : "false") : null,
    }.Where(p => p.Value is not null));

    public async Task OnGetAsync(
        string id, string? compliance_status, string? offering_uuid, string? search, string? order, string? is_overdue, int page = 1)
    {
        var caller = HttpContext.Caller();
        ProviderId = RouteIds.Parse(id);
        Status = ComplianceStatuses.All.Contains(compliance_status) ? compliance_status : null;
        Offering = Guid.TryParse(offering_uuid, out var offering) ? offering : null;
        Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        Descending = order == "desc";
        Overdue = bool.TryParse(is_overdue, out var overdue) ? overdue : null;
        Offerings = await grains.GetGrain<IServiceProviderGrain>(ProviderId).GetComplianceOverviewAsync(caller);
        var rows = await grains.GetGrain<IProjectionQueryGrain>(0).ListProviderOfferingUsersAsync(
            caller, ProviderId, new ProviderOfferingUserFilter(Offering, Status, Search, Descending, Overdue), Pager.Request(page, PageSize));
        Rows = rows.Items;
        Pager = new Pager(page, PageSize, rows.TotalCount, Request.Query);
    }

    public static string StatusOf(OfferingUserSnapshot row) => ComplianceStatusRule.Of(row);
}

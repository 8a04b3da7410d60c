using ComplianceGrains.Catalog;
using ComplianceGrains.Checklists;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages.Admin;

/// <summary>The checklists, for staff: the catalog's page of ids, then each checklist's grain.</summary>
public sealed class ChecklistsModel(IGrainFactory grains) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<ChecklistView> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public async Task OnGetAsync(int page = 1)
    {
        var caller = HttpContext.Caller();
        var ids = await grains.GetGrain<ICatalogGrain>(CatalogNames.Checklists).PageAsync(Pager.Request(page, PageSize));
        Rows = await Task.WhenAll(ids.Items.Select(id => grains.GetGrain<IChecklistGrain>(id).GetAsync(caller)));
        Pager = new Pager(page, PageSize, ids.TotalCount, Request.Query);
    }
}

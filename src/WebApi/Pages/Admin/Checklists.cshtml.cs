using ComplianceGrains.Catalog;
using ComplianceGrains.Checklists;
using ComplianceGrains.Errors;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Endpoints;
using ComplianceGrains.WebApi.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages.Admin;

/// <summary>
/// The checklists, for staff: the catalog's page of ids, then each checklist's grain, with the offerings that use it;
/// and a new checklist, read as the admin API reads one.
/// </summary>
public sealed class ChecklistsModel(IGrainFactory grains) : PageModel
{
    private const int PageSize = 50;

    public static readonly IReadOnlyCollection<string> Fields = ["name", "description", "checklist_type"];

    public IReadOnlyList<ChecklistRow> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string ChecklistType { get; private set; } = ChecklistTypes.OfferingCompliance;

    public async Task OnGetAsync(int page = 1) => await LoadAsync(page);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var caller = HttpContext.Caller();
        (Name, Description, ChecklistType) = (Request.Form["name"].ToString(), Request.Form["description"].ToString(), Request.Form["checklist_type"].ToString());
        try
        {
            var body = BuilderForm.Checklist(Request.Form);
            var fields = ChecklistFieldsReader.Read(body, current: null);
            body.ThrowIfInvalid();
            var created = await grains.GetGrain<IChecklistGrain>(Guid.NewGuid()).CreateAsync(caller, fields);
            return Redirect($"/admin/checklists/{created.Id:N}/");
        }
        catch (ValidationException e)
        {
            Errors = FormErrors.From(e);
            await LoadAsync(1);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task LoadAsync(int page)
    {
        var caller = HttpContext.Caller();
        var ids = await grains.GetGrain<ICatalogGrain>(CatalogNames.Checklists).PageAsync(Pager.Request(page, PageSize));
        Rows = await Task.WhenAll(ids.Items.Select(async id =>
        {
            var checklist = grains.GetGrain<IChecklistGrain>(id);
            return new ChecklistRow(await checklist.GetAsync(caller), await ChecklistOfferings.NamesAsync(grains, caller, checklist));
        }));
        Pager = new Pager(page, PageSize, ids.TotalCount, Request.Query);
    }

    public sealed record ChecklistRow(ChecklistView Checklist, IReadOnlyList<OfferingName> Offerings);
}

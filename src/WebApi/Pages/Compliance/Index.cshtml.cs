using ComplianceGrains.Compliance;
using ComplianceGrains.Projections;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages.Compliance;

/// <summary>The signed-in user's offering users, from the projection, with their status and progress.</summary>
public sealed class MyComplianceModel(IGrainFactory grains) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public async Task OnGetAsync(int page = 1)
    {
        var caller = HttpContext.Caller();
        var request = Pager.Request(page, PageSize);
        var rows = await grains.GetGrain<IProjectionQueryGrain>(0)
            .ListOfferingUsersAsync(caller, new OfferingUserFilter(null, caller.UserId), request);
        Rows = rows.Items.Select(Row.From).ToList();
        Pager = new Pager(page, PageSize, rows.TotalCount, Request.Query);
    }

    public sealed record Row(
        Guid Id, string OfferingName, string? ChecklistName, string Status, double? Percentage, bool HasChecklist, CompletionStatus? Completion)
    {
        public static Row From(OfferingUserSnapshot snapshot)
        {
            var has = snapshot.OfferingUser.HasComplianceChecklist;
            var completion = has ? snapshot.Completion : null;
            return new Row(snapshot.Id, snapshot.OfferingUser.OfferingName, completion?.ChecklistName, ComplianceStatusRule.Of(snapshot),
                has ? completion?.CompletionPercentage ?? 0.0 : null, has, completion);
        }
    }
}

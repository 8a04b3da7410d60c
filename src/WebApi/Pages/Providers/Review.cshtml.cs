using System.Text.Json;
using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages.Providers;

/// <summary>
/// One offering user as a reviewer sees it (checklist_review/): the answers, those that require review with the
/// trigger that fired, the answer history, and "mark reviewed" with notes.
/// </summary>
public sealed class ReviewModel(IGrainFactory grains) : PageModel
{
    private const int HistorySize = 50;

    public Guid ProviderId { get; private set; }

    public OfferingUserView OfferingUser { get; private set; } = null!;

    public ChecklistForUser View { get; private set; } = null!;

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public bool Reviewed { get; private set; }

    public async Task OnGetAsync(string id, string user, bool reviewed = false)
    {
        await LoadAsync(id, user, grain => grain.GetChecklistForReviewAsync(HttpContext.Caller()));
        Reviewed = reviewed;
    }

    public async Task<IActionResult> OnPostAsync(string id, string user, string? notes)
    {
        await LoadAsync(id, user, grain => grain.ReviewAsync(HttpContext.Caller(), notes ?? ""));
        return Redirect($"/providers/{ProviderId:N}/users/{OfferingUser.Id:N}/?reviewed=true");
    }

    private async Task LoadAsync(string id, string user, Func<IOfferingUserGrain, Task<ChecklistForUser>> view)
    {
        var caller = HttpContext.Caller();
        ProviderId = RouteIds.Parse(id);
        var grain = grains.GetGrain<IOfferingUserGrain>(RouteIds.Parse(user));
        OfferingUser = await grain.GetAsync(caller);
        // The address names the provider: an offering user of another provider is not found here.
        if (OfferingUser.ServiceProviderId != ProviderId) throw new Errors.NotFoundException();
        View = await view(grain);
        History = (await grain.GetHistoryAsync(caller, new PageRequest(0, HistorySize))).Items;
    }

    public AnswerView? AnswerOf(Guid question) => View.Answers.GetValueOrDefault(question);

    public bool RequiresReview(Checklists.QuestionView question, AnswerView answer)
    {
        using var json = JsonDocument.Parse(answer.AnswerJson);
        return CompletionMetrics.AnswerRequiresReview(question.Definition, json.RootElement);
    }
}

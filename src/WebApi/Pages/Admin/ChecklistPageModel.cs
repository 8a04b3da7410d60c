using ComplianceGrains.Checklists;
using ComplianceGrains.Errors;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Infrastructure;
using ComplianceGrains.WebApi.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages.Admin;

/// <summary>
/// What the builder's pages of one checklist share: the checklist, its questions, the offerings that use it, the messages
/// of a refused write, and the impact shown before an edit of a checklist in use is confirmed.
/// </summary>
public abstract class ChecklistPageModel(IGrainFactory grains) : PageModel
{
    public ChecklistView Checklist { get; private set; } = null!;

    public IReadOnlyList<QuestionView> Questions { get; private set; } = [];

    public IReadOnlyList<OfferingName> Offerings { get; private set; } = [];

    public FormErrors Errors { get; protected set; } = FormErrors.None;

    /// <summary>Set while an edit waits for confirmation: what it would do to the offerings' completions.</summary>
    public ChecklistEditImpact? Impact { get; private set; }

    public string ChecklistPath => $"/admin/checklists/{Checklist.Id:N}/";

    protected Caller Caller => HttpContext.Caller();

    protected IChecklistGrain Grain(string id) => grains.GetGrain<IChecklistGrain>(RouteIds.Parse(id));

    protected async Task LoadChecklistAsync(string id)
    {
        var grain = Grain(id);
        Checklist = await grain.GetAsync(Caller);
        Questions = await grain.GetQuestionsAsync(Caller);
        Offerings = await ChecklistOfferings.NamesAsync(grains, Caller, grain);
    }

    /// <summary>
    /// Whether the edit may be made now: at once when no offering uses the checklist or the caller confirmed it;
    /// otherwise the grain validates it and says what it would do, for the page to ask first.
    /// </summary>
    protected async Task<bool> MayEditAsync(string id, ChecklistEdit edit, bool confirmed)
    {
        if (confirmed || Offerings.Count == 0) return true;
        Impact = await Grain(id).PreviewEditAsync(Caller, edit);
        return false;
    }

    /// <summary>Runs a write; a refusal is shown on the page (400) with its messages, a success goes to <paramref name="next"/>.</summary>
    protected async Task<IActionResult> WriteAsync(string id, Func<Task<IActionResult?>> write, Func<string> next)
    {
        try
        {
            if (await write() is { } shown) return shown;
            return Redirect(next());
        }
        catch (ValidationException e)
        {
            Errors = FormErrors.From(e);
            await LoadChecklistAsync(id);
            await ReloadAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    /// <summary>Loads what the page shows besides the checklist, after a refused write.</summary>
    protected virtual Task ReloadAsync() => Task.CompletedTask;
}

using System.Text.Json;
using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Infrastructure;
using ComplianceGrains.WebApi.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages.Compliance;

/// <summary>
/// The checklist form of one offering user. The grain validates and stores a submission all or nothing; a refused one
/// is shown again with the submitted values and each message next to its question.
/// </summary>
public sealed class FormModel(IGrainFactory grains) : PageModel
{
    public OfferingUserView OfferingUser { get; private set; } = null!;

    public CompletionStatus Completion { get; private set; } = null!;

    public ChecklistDefinition Checklist { get; private set; } = null!;

    public IReadOnlyList<QuestionField> Fields { get; private set; } = [];

    /// <summary>The last submission was refused and nothing of it was stored.</summary>
    public bool Rejected { get; private set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(string id, bool saved = false)
    {
        var view = await LoadAsync(id);
        Saved = saved;
        Show(view, Answers(view.Answers.ToDictionary(a => a.Key, a => a.Value.AnswerJson)), view.VisibleQuestionIds, new Dictionary<Guid, List<string>>());
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var view = await LoadAsync(id);
        var items = await AnswerForm.ReadAsync(Request.Form, view.Checklist.Questions);
        var result = await Grain(id).SubmitAnswersAsync(HttpContext.Caller(), items.Select(i => i.Item).ToList());
        if (result.Errors is null) return Redirect($"/compliance/{OfferingUser.Id:N}/?saved=true");

        var errors = new Dictionary<Guid, List<string>>();
        for (var i = 0; i < items.Count; i++)
        {
            var messages = result.Errors[i].Values.SelectMany(m => m).ToList();
            if (messages.Count == 0) continue;
            if (!errors.TryGetValue(items[i].Question, out var list)) errors[items[i].Question] = list = [];
            list.AddRange(messages);
        }
        Rejected = true;

        // Nothing was stored: show what was submitted, with visibility as the rules decide for those answers.
        var submitted = view.Answers.ToDictionary(a => a.Key, a => (string?)a.Value.AnswerJson);
        foreach (var (question, item) in items)
            if (!IsFile(view, question)) submitted[question] = item.AnswerJson == "null" ? null : item.AnswerJson;
        var answers = Answers(submitted.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!));
        Show(view, answers, QuestionVisibility.VisibleQuestions(view.Checklist.Questions, answers), errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private IOfferingUserGrain Grain(string id) => grains.GetGrain<IOfferingUserGrain>(RouteIds.Parse(id));

    private async Task<ChecklistForUser> LoadAsync(string id)
    {
        var caller = HttpContext.Caller();
        OfferingUser = await Grain(id).GetAsync(caller);
        var view = await Grain(id).GetChecklistAsync(caller);
        Checklist = view.Checklist;
        Completion = view.Completion;
        return view;
    }

    private void Show(ChecklistForUser view, Dictionary<Guid, JsonElement> answers, IReadOnlySet<Guid> visible, Dictionary<Guid, List<string>> errors) =>
        Fields = view.Checklist.Questions
            .OrderBy(q => q.Definition.Order)
            .Select(q => QuestionField.Create(q, answers.TryGetValue(q.Id, out var a) ? a : null, visible.Contains(q.Id),
                errors.TryGetValue(q.Id, out var e) ? e : []))
            .ToList();

    private static bool IsFile(ChecklistForUser view, Guid question) =>
        view.Checklist.Questions.First(q => q.Id == question).Definition.QuestionType is Checklists.QuestionTypes.File or Checklists.QuestionTypes.MultipleFiles;

    private static Dictionary<Guid, JsonElement> Answers(IReadOnlyDictionary<Guid, string> json) =>
        json.ToDictionary(a => a.Key, a => JsonDocument.Parse(a.Value).RootElement.Clone());
}

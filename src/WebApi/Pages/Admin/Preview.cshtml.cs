using System.Text.Json;
using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;
using ComplianceGrains.WebApi.Web;
using Microsoft.AspNetCore.Mvc;

namespace ComplianceGrains.WebApi.Pages.Admin;

/// <summary>
/// The checklist as a user will see it, with the user form's own question component: answers stay in the page (the
/// script shows and hides questions and guidance as they change; without it, "Try these answers" asks the server,
/// which stores nothing).
/// </summary>
public sealed class PreviewModel(IGrainFactory grains) : ChecklistPageModel(grains)
{
    public IReadOnlyList<QuestionField> Fields { get; private set; } = [];

    public async Task OnGetAsync(string id)
    {
        await LoadChecklistAsync(id);
        Show(new Dictionary<Guid, JsonElement>());
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        await LoadChecklistAsync(id);
        var items = await AnswerForm.ReadAsync(Request.Form, Questions);
        var answers = items
            .Where(i => i.Item.AnswerJson is { } json && json != "null")
            .ToDictionary(i => i.Question, i => JsonDocument.Parse(i.Item.AnswerJson!).RootElement.Clone());
        Show(answers);
        return Page();
    }

    private void Show(Dictionary<Guid, JsonElement> answers)
    {
        var visible = QuestionVisibility.VisibleQuestions(Questions, answers);
        Fields = Questions
            .Select(q => QuestionField.Create(q, answers.TryGetValue(q.Id, out var a) ? a : null, visible.Contains(q.Id), []))
            .ToList();
    }
}

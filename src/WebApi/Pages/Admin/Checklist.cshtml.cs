using ComplianceGrains.Checklists;
using ComplianceGrains.WebApi.Endpoints;
using ComplianceGrains.WebApi.Infrastructure;
using ComplianceGrains.WebApi.Web;
using Microsoft.AspNetCore.Mvc;

namespace ComplianceGrains.WebApi.Pages.Admin;

/// <summary>
/// One checklist in the builder: its name, description and type, its questions (added, reordered by drag or by up and
/// down, deleted) and its deletion, refused by the grain while offerings use it.
/// </summary>
public sealed class ChecklistModel(IGrainFactory grains) : ChecklistPageModel(grains)
{
    /// <summary>The new question's form: empty, or as submitted when refused or waiting for confirmation.</summary>
    public QuestionForm NewQuestion { get; private set; } = new(new QuestionDefinition(), FormErrors.None, null);

    /// <summary>Which form the messages or the impact belong to.</summary>
    public string? Form { get; private set; }

    /// <summary>The question whose deletion waits for confirmation.</summary>
    public QuestionView? Deleting { get; private set; }

    public async Task OnGetAsync(string id) => await LoadChecklistAsync(id);

    public Task<IActionResult> OnPostDetailsAsync(string id) => Submit(id, "details", async () =>
    {
        var body = BuilderForm.Checklist(Request.Form);
        var current = await Grain(id).GetAsync(Caller);
        var fields = ChecklistFieldsReader.Read(body, new ChecklistFields(current.Name, current.Description, current.ChecklistType));
        body.ThrowIfInvalid();
        await Grain(id).UpdateAsync(Caller, fields);
        return null;
    });

    public Task<IActionResult> OnPostDeleteAsync(string id) => WriteAsync(id, async () =>
    {
        Form = "delete";
        await Grain(id).DeleteAsync(Caller);
        return null;
    }, () => "/admin/checklists/");

    public Task<IActionResult> OnPostAddQuestionAsync(string id, bool confirmed) => Submit(id, "add-question", async () =>
    {
        await LoadChecklistAsync(id);
        var body = BuilderForm.Question(Request.Form, current: null);
        var next = Questions.Count == 0 ? 1 : Questions.Max(q => q.Definition.Order) + 1;
        var definition = QuestionFieldsReader.Overlay(body, new QuestionDefinition { Order = next }, descriptionRequired: true);
        NewQuestion = NewQuestion with { Draft = definition };
        body.ThrowIfInvalid();
        var questionId = Guid.NewGuid();
        if (!await MayEditAsync(id, ChecklistEdit.PutQuestion(questionId, definition), confirmed)) return Page();
        await Grain(id).AddQuestionAsync(Caller, questionId, definition);
        return null;
    });

    public Task<IActionResult> OnPostDeleteQuestionAsync(string id, Guid question, bool confirmed) => Submit(id, "delete-question", async () =>
    {
        await LoadChecklistAsync(id);
        if (!await MayEditAsync(id, ChecklistEdit.DeleteQuestion(question), confirmed))
        {
            Deleting = Questions.First(q => q.Id == question);
            return Page();
        }
        await Grain(id).DeleteQuestionAsync(Caller, question);
        return null;
    });

    public Task<IActionResult> OnPostMoveAsync(string id, Guid question, string direction) => Submit(id, "questions", async () =>
    {
        var questions = await Grain(id).GetQuestionsAsync(Caller);
        await RenumberAsync(id, questions, ManualOrder.Move(questions.Select(q => q.Id).ToList(), question, up: direction == "up"));
        return null;
    }, anchor: "questions");

    /// <summary>The order of a drag and drop: the question ids, comma separated.</summary>
    public Task<IActionResult> OnPostReorderAsync(string id, string order) => Submit(id, "questions", async () =>
    {
        var questions = await Grain(id).GetQuestionsAsync(Caller);
        var wanted = (order ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => Guid.TryParse(t, out var g) ? g : Guid.Empty).ToList();
        await RenumberAsync(id, questions, wanted);
        return null;
    }, anchor: "questions");

    private async Task RenumberAsync(string id, IReadOnlyList<QuestionView> questions, IReadOnlyList<Guid> wanted)
    {
        var byId = questions.ToDictionary(q => q.Id);
        foreach (var (questionId, order) in ManualOrder.Renumber(questions.Select(q => (q.Id, q.Definition.Order)).ToList(), wanted))
            await Grain(id).UpdateQuestionAsync(Caller, questionId, byId[questionId].Definition with { Order = order });
    }

    private Task<IActionResult> Submit(string id, string form, Func<Task<IActionResult?>> write, string? anchor = null)
    {
        Form = form;
        NewQuestion = NewQuestion with { Errors = FormErrors.None };
        return WriteAsync(id, write, () => $"/admin/checklists/{RouteIds.Parse(id):N}/" + (anchor is null ? "" : "#" + anchor));
    }

    protected override Task ReloadAsync()
    {
        if (Form == "add-question") NewQuestion = NewQuestion with { Errors = Errors };
        return Task.CompletedTask;
    }
}

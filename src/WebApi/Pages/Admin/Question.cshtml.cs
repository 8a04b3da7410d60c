using ComplianceGrains.Checklists;
using ComplianceGrains.WebApi.Endpoints;
using ComplianceGrains.WebApi.Infrastructure;
using ComplianceGrains.WebApi.Web;
using Microsoft.AspNetCore.Mvc;

namespace ComplianceGrains.WebApi.Pages.Admin;

/// <summary>
/// One question in the builder: its fields (only those of its type), review trigger and guidance; its options; the
/// conditions under which it is shown. Every write goes to the checklist grain, which validates it as for the API.
/// </summary>
public sealed class QuestionModel(IGrainFactory grains) : ChecklistPageModel(grains)
{
    public QuestionView Question { get; private set; } = null!;

    public QuestionForm Fields { get; private set; } = null!;

    /// <summary>Which form the messages or the impact belong to.</summary>
    public string? Form { get; private set; }

    /// <summary>The question a new condition compares with, once chosen.</summary>
    public QuestionView? DependsOn { get; private set; }

    public string? NewOperator { get; private set; }

    public string? NewValueJson { get; private set; }

    /// <summary>The condition whose deletion waits for confirmation.</summary>
    public DependencyView? Deleting { get; private set; }

    public string QuestionPath => $"{ChecklistPath}questions/{Question.Id:N}/";

    /// <summary>The questions a condition may compare with: the checklist's others.</summary>
    public IEnumerable<QuestionView> Others => Questions.Where(q => q.Id != Question.Id);

    public async Task OnGetAsync(string id, Guid questionId, Guid? on)
    {
        await LoadAsync(id, questionId);
        DependsOn = Others.FirstOrDefault(q => q.Id == on);
    }

    public Task<IActionResult> OnPostSaveAsync(string id, Guid questionId, bool confirmed) => Submit(id, questionId, "question", async () =>
    {
        var body = BuilderForm.Question(Request.Form, Question);
        var definition = QuestionFieldsReader.Overlay(body, new QuestionDefinition
        {
            Order = Question.Definition.Order,
            DependencyLogicOperator = Question.Definition.DependencyLogicOperator,
        }, descriptionRequired: true);
        Fields = Fields with { Draft = definition };
        body.ThrowIfInvalid();
        if (!await MayEditAsync(id, ChecklistEdit.PutQuestion(questionId, definition), confirmed)) return Page();
        await Grain(id).UpdateQuestionAsync(Caller, questionId, definition);
        return null;
    });

    public Task<IActionResult> OnPostLogicAsync(string id, Guid questionId, string logic) => Submit(id, questionId, "dependencies", async () =>
    {
        var definition = Question.Definition with { DependencyLogicOperator = logic };
        if (!await MayEditAsync(id, ChecklistEdit.PutQuestion(questionId, definition), confirmed: Request.Form["confirmed"] == "true")) return Page();
        await Grain(id).UpdateQuestionAsync(Caller, questionId, definition);
        return null;
    }, anchor: "dependencies");

    public Task<IActionResult> OnPostAddOptionAsync(string id, Guid questionId) => Submit(id, questionId, "options", async () =>
    {
        var body = BuilderForm.Option(Request.Form);
        var label = ChecklistFieldsReader.OptionLabel(body, required: true);
        body.ThrowIfInvalid();
        var order = Question.Options.Count == 0 ? 1 : Question.Options.Max(o => o.Order) + 1;
        await Grain(id).AddOptionAsync(Caller, Guid.NewGuid(), questionId, label!, order);
        return null;
    }, anchor: "options");

    public Task<IActionResult> OnPostRenameOptionAsync(string id, Guid questionId, Guid option) => Submit(id, questionId, $"option-{option:N}", async () =>
    {
        var body = BuilderForm.Option(Request.Form);
        var label = ChecklistFieldsReader.OptionLabel(body, required: true);
        body.ThrowIfInvalid();
        var current = await Grain(id).GetOptionAsync(Caller, option);
        await Grain(id).UpdateOptionAsync(Caller, option, label!, current.Order);
        return null;
    }, anchor: "options");

    public Task<IActionResult> OnPostMoveOptionAsync(string id, Guid questionId, Guid option, string direction) => Submit(id, questionId, "options", async () =>
    {
        var options = Question.Options;
        var wanted = ManualOrder.Move(options.Select(o => o.Id).ToList(), option, up: direction == "up");
        var byId = options.ToDictionary(o => o.Id);
        foreach (var (optionId, order) in ManualOrder.Renumber(options.Select(o => (o.Id, o.Order)).ToList(), wanted))
            await Grain(id).UpdateOptionAsync(Caller, optionId, byId[optionId].Label, order);
        return null;
    }, anchor: "options");

    public Task<IActionResult> OnPostDeleteOptionAsync(string id, Guid questionId, Guid option) => Submit(id, questionId, "options", async () =>
    {
        await Grain(id).DeleteOptionAsync(Caller, option);
        return null;
    }, anchor: "options");

    public Task<IActionResult> OnPostAddDependencyAsync(string id, Guid questionId, Guid? on, bool confirmed) => Submit(id, questionId, "new-dependency", async () =>
    {
        DependsOn = Others.FirstOrDefault(q => q.Id == on);
        NewOperator = Request.Form["operator"];
        var body = BuilderForm.Dependency(Request.Form, questionId, DependsOn);
        NewValueJson = DependsOn is null ? null : ConditionValue.Json(DependsOn, NewOperator, Request.Form["value"]);
        var dependency = DependencyEndpoints.Read(body, Guid.NewGuid(), current: null);
        if (!await MayEditAsync(id, ChecklistEdit.PutDependency(dependency), confirmed)) return Page();
        await Grain(id).AddDependencyAsync(Caller, dependency);
        return null;
    }, anchor: "dependencies");

    public Task<IActionResult> OnPostDeleteDependencyAsync(string id, Guid questionId, Guid dependency, bool confirmed) => Submit(id, questionId, "dependencies", async () =>
    {
        if (!await MayEditAsync(id, ChecklistEdit.DeleteDependency(dependency), confirmed))
        {
            Deleting = Question.Dependencies.First(d => d.Id == dependency);
            return Page();
        }
        await Grain(id).DeleteDependencyAsync(Caller, dependency);
        return null;
    }, anchor: "dependencies");

    private async Task LoadAsync(string id, Guid questionId)
    {
        await LoadChecklistAsync(id);
        Question = Questions.FirstOrDefault(q => q.Id == questionId) ?? throw new Errors.NotFoundException();
        Fields = new QuestionForm(Question.Definition, FormErrors.None, Question);
    }

    private async Task<IActionResult> Submit(string id, Guid questionId, string form, Func<Task<IActionResult?>> write, string? anchor = null)
    {
        await LoadAsync(id, questionId);
        Form = form;
        return await WriteAsync(id, write, () => $"/admin/checklists/{RouteIds.Parse(id):N}/questions/{questionId:N}/" + (anchor is null ? "" : "#" + anchor));
    }

    protected override Task ReloadAsync()
    {
        var draft = Fields.Draft;
        Question = Questions.First(q => q.Id == Question.Id);
        Fields = new QuestionForm(Form == "question" ? draft : Question.Definition, Form == "question" ? Errors : FormErrors.None, Question);
        return Task.CompletedTask;
    }
}

using System.Text.Json;
using ComplianceGrains.Checklists;
using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using ComplianceGrains.WebApi.Contracts;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>Shapes a checklist as the user answering it sees it (API.md §4 checklist/).</summary>
public static class UserChecklistMapper
{
    public static UserChecklistResponse Map(ChecklistForUser view, bool includeHidden)
    {
        var checklist = view.Checklist;
        var questions = checklist.Questions
            .Where(q => includeHidden || view.VisibleQuestionIds.Contains(q.Id))
            .Select(q => Question(q, view.Answers.GetValueOrDefault(q.Id), checklist.Questions))
            .ToList();
        return new UserChecklistResponse(
            new ChecklistSummaryResponse(checklist.ChecklistId, checklist.Name, checklist.Description, checklist.ChecklistType),
            CompletionStatusResponse.From(view.Completion),
            questions);
    }

    private static UserQuestionResponse Question(QuestionView question, AnswerView? answer, IReadOnlyList<QuestionView> all)
    {
        var q = question.Definition;
        var answerData = answer is null ? (JsonElement?)null : JsonDocument.Parse(answer.AnswerJson).RootElement.Clone();
        return new UserQuestionResponse(
            question.Id, q.Description, q.QuestionType, q.Required, q.Order, Guidance(q, answerData),
            answer is null ? null : new ExistingAnswerResponse(
                answer.Id, answerData!.Value, answer.UserId, answer.UserName, q.Description, q.QuestionType, q.Required,
                RequiresReview(q, answer), answer.Created, answer.Modified),
            question.Options.Select(o => new UserOptionResponse(o.Id, o.Label, o.Order)).ToList(),
            DecimalText.Format(q.MinValue), DecimalText.Format(q.MaxValue), q.AllowedFileTypes, q.AllowedMimeTypes,
            q.MaxFileSizeMb, q.MaxFilesCount, q.LikertScaleLength, q.LikertLowLabel, q.LikertHighLabel, q.LikertAllowNa,
            q.RichTextCharLimit, q.RichTextToolbarLevel, DependenciesInfo(question, all));
    }

    /// <summary>The checklist before any answer: every question, and those visible while nothing is answered.</summary>
    public static ChecklistTemplateResponse Template(ChecklistDefinition checklist)
    {
        var questions = checklist.Questions.Select(q => TemplateQuestion(q, checklist.Questions)).ToList();
        var visible = QuestionVisibility.VisibleQuestions(checklist.Questions, new Dictionary<Guid, JsonElement>());
        return new ChecklistTemplateResponse(
            new ChecklistSummaryResponse(checklist.ChecklistId, checklist.Name, checklist.Description, checklist.ChecklistType),
            questions, questions.Where(q => visible.Contains(q.Uuid)).ToList());
    }

    private static TemplateQuestionResponse TemplateQuestion(QuestionView question, IReadOnlyList<QuestionView> all)
    {
        var q = question.Definition;
        return new TemplateQuestionResponse(
            question.Id, q.Description, q.QuestionType, q.Required, q.Order, q.UserGuidance ?? "",
            question.Options.Select(o => new UserOptionResponse(o.Id, o.Label, o.Order)).ToList(),
            DecimalText.Format(q.MinValue), DecimalText.Format(q.MaxValue), q.AllowedFileTypes, q.AllowedMimeTypes,
            q.MaxFileSizeMb, q.MaxFilesCount, q.LikertScaleLength, q.LikertLowLabel, q.LikertHighLabel, q.LikertAllowNa,
            q.RichTextCharLimit, q.RichTextToolbarLevel, q.DependencyLogicOperator, DependenciesInfo(question, all));
    }

    private static DependenciesInfoResponse? DependenciesInfo(QuestionView question, IReadOnlyList<QuestionView> all)
    {
        if (question.Dependencies.Count == 0) return null;
        var conditions = question.Dependencies
            .Select(d => new DependencyConditionResponse(
                all.FirstOrDefault(q => q.Id == d.DependsOnQuestionId)?.Definition.Description ?? "",
                d.Operator,
                JsonDocument.Parse(d.RequiredAnswerValueJson).RootElement.Clone()))
            .ToList();
        return new DependenciesInfoResponse(question.Definition.DependencyLogicOperator, conditions);
    }

    public static bool RequiresReview(QuestionDefinition question, AnswerView answer)
    {
        using var parsed = JsonDocument.Parse(answer.AnswerJson);
        return CompletionMetrics.AnswerRequiresReview(question, parsed.RootElement);
    }

    private static string? Guidance(QuestionDefinition q, JsonElement? answer) => GuidanceRule.Shown(q, answer);
}

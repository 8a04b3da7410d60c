using System.Text.Json;
using ComplianceGrains.Checklists;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Contracts;

public sealed record ChecklistResponse(
    Guid Uuid, string Url, string Name, string Description, string ChecklistType, int QuestionsCount, DateTime Created,
    DateTime Modified)
{
    public static ChecklistResponse From(HttpRequest request, ChecklistView checklist) => new(
        checklist.Id, ApiUrls.Of(request, "checklists-admin", checklist.Id), checklist.Name, checklist.Description,
        checklist.ChecklistType, checklist.QuestionsCount, checklist.Created, checklist.Modified);
}

public sealed record ChecklistRequest(string Name, string? Description, string? ChecklistType);

public sealed record OptionResponse(Guid Uuid, string Url, string Label, int Order, string Question, Guid QuestionUuid)
{
    public static OptionResponse From(HttpRequest request, OptionView option) => new(
        option.Id, ApiUrls.Of(request, "checklists-admin-question-options", option.Id), option.Label, option.Order,
        ApiUrls.Of(request, "checklists-admin-questions", option.QuestionId), option.QuestionId);
}

public sealed record OptionRequest(string Question, string Label, int? Order);

public sealed record QuestionResponse(
    Guid Uuid, string Url, string Checklist, Guid ChecklistUuid, string ChecklistName, string ChecklistType, string Description,
    string QuestionType, bool Required, int Order, string UserGuidance, bool AlwaysShowGuidance,
    JsonElement? GuidanceAnswerValue, string GuidanceOperator, string Operator, JsonElement? ReviewAnswerValue,
    bool AlwaysRequiresReview, string? MinValue, string? MaxValue, string DependencyLogicOperator,
    IReadOnlyList<string> AllowedFileTypes, IReadOnlyList<string> AllowedMimeTypes, int? MaxFileSizeMb, int? MaxFilesCount,
    int? LikertScaleLength, string LikertLowLabel, string LikertHighLabel, bool LikertAllowNa, int? RichTextCharLimit,
    string RichTextToolbarLevel, IReadOnlyList<OptionResponse> QuestionOptions, DateTime Created)
{
    public static QuestionResponse From(HttpRequest request, QuestionView question)
    {
        var q = question.Definition;
        return new QuestionResponse(
            question.Id, ApiUrls.Of(request, "checklists-admin-questions", question.Id),
            ApiUrls.Of(request, "checklists-admin", question.ChecklistId), question.ChecklistId, question.ChecklistName,
            question.ChecklistType, q.Description, q.QuestionType, q.Required, q.Order, q.UserGuidance ?? "", q.AlwaysShowGuidance,
            Json(q.GuidanceAnswerValueJson), q.GuidanceOperator ?? "", q.Operator ?? "", Json(q.ReviewAnswerValueJson), q.AlwaysRequiresReview,
            DecimalText.Format(q.MinValue), DecimalText.Format(q.MaxValue), q.DependencyLogicOperator, q.AllowedFileTypes, q.AllowedMimeTypes,
            q.MaxFileSizeMb, q.MaxFilesCount, q.LikertScaleLength, q.LikertLowLabel, q.LikertHighLabel, q.LikertAllowNa,
            q.RichTextCharLimit, q.RichTextToolbarLevel,
            question.Options.Select(o => OptionResponse.From(request, o)).ToList(), question.Created);
    }

    private static JsonElement? Json(string? raw) => raw is null ? null : JsonDocument.Parse(raw).RootElement.Clone();

}

/// <summary>The writable fields of a question; every field but <c>checklist</c> and <c>description</c> is optional.</summary>
public sealed record QuestionRequest(
    string Checklist, string Description, string? QuestionType, bool? Required, int? Order, string? UserGuidance,
    bool? AlwaysShowGuidance, JsonElement? GuidanceAnswerValue, string? GuidanceOperator, string? Operator,
    JsonElement? ReviewAnswerValue, bool? AlwaysRequiresReview, string? MinValue, string? MaxValue,
    string? DependencyLogicOperator, IReadOnlyList<string>? AllowedFileTypes, IReadOnlyList<string>? AllowedMimeTypes,
    int? MaxFileSizeMb, int? MaxFilesCount, int? LikertScaleLength, string? LikertLowLabel, string? LikertHighLabel,
    bool? LikertAllowNa, int? RichTextCharLimit, string? RichTextToolbarLevel);

public sealed record DependencyResponse(
    Guid Uuid, string Url, string Question, Guid QuestionUuid, string QuestionName, string DependsOnQuestion,
    Guid DependsOnQuestionUuid, string DependsOnQuestionName, JsonElement RequiredAnswerValue, string Operator)
{
    public static DependencyResponse From(HttpRequest request, DependencyView dependency, IReadOnlyDictionary<Guid, QuestionView> questions) => new(
        dependency.Id, ApiUrls.Of(request, "checklists-admin-question-dependencies", dependency.Id),
        ApiUrls.Of(request, "checklists-admin-questions", dependency.QuestionId), dependency.QuestionId,
        questions.TryGetValue(dependency.QuestionId, out var question) ? question.Definition.Description : "",
        ApiUrls.Of(request, "checklists-admin-questions", dependency.DependsOnQuestionId), dependency.DependsOnQuestionId,
        questions.TryGetValue(dependency.DependsOnQuestionId, out var dependsOn) ? dependsOn.Definition.Description : "",
        JsonDocument.Parse(dependency.RequiredAnswerValueJson).RootElement.Clone(), dependency.Operator);
}

public sealed record DependencyRequest(string Question, string DependsOnQuestion, JsonElement RequiredAnswerValue, string? Operator);

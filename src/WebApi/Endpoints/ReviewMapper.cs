using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>
/// The reviewer's view (API.md §4 Review): the user's view plus each question's review settings, whether each
/// answer requires review, and the completion's review state with the answers that triggered it.
/// </summary>
public static class ReviewMapper
{
    public static JsonObject Checklist(ChecklistForUser view, bool includeHidden)
    {
        var response = JsonSerializer.SerializeToNode(UserChecklistMapper.Map(view, includeHidden), ApiJson.Options)!.AsObject();
        var questions = view.Checklist.Questions.ToDictionary(q => q.Id);
        foreach (var node in response["questions"]!.AsArray())
        {
            var question = questions[Guid.ParseExact(node!["uuid"]!.GetValue<string>(), "N")];
            var q = question.Definition;
            node["operator"] = q.Operator;
            node["review_answer_value"] = q.ReviewAnswerValueJson is null ? null : JsonNode.Parse(q.ReviewAnswerValueJson);
            node["always_requires_review"] = q.AlwaysRequiresReview;
            if (node["existing_answer"] is JsonObject answer && view.Answers.TryGetValue(question.Id, out var current))
                answer["requires_review"] = RequiresReview(q, current.AnswerJson);
        }
        response["completion"] = Completion(view);
        return response;
    }

    public static JsonObject Completion(ChecklistForUser view)
    {
        var status = view.Completion;
        var completion = JsonSerializer.SerializeToNode(CompletionStatusResponse.From(status), ApiJson.Options)!.AsObject();
        completion["requires_review"] = status.RequiresReview;
        completion["reviewed_by"] = status.ReviewedBy?.ToString("N");
        completion["reviewed_by_name"] = status.ReviewedByName;
        completion["reviewed_at"] = status.ReviewedAt is { } at ? JsonSerializer.SerializeToNode(at, ApiJson.Options) : null;
        completion["review_notes"] = status.ReviewNotes;
        var triggers = new JsonArray();
        foreach (var question in view.Checklist.Questions)
        {
            if (!view.Answers.TryGetValue(question.Id, out var answer) || !RequiresReview(question.Definition, answer.AnswerJson)) continue;
            triggers.Add(new JsonObject
            {
                ["question"] = question.Definition.Description,
                ["answer"] = JsonNode.Parse(answer.AnswerJson),
                ["trigger_value"] = question.Definition.ReviewAnswerValueJson is { } value ? JsonNode.Parse(value) : null,
                ["operator"] = question.Definition.AlwaysRequiresReview ? "always" : question.Definition.Operator,
            });
        }
        completion["review_trigger_summary"] = triggers;
        return completion;
    }

    private static bool RequiresReview(Checklists.QuestionDefinition question, string answerJson)
    {
        using var answer = JsonDocument.Parse(answerJson);
        return CompletionMetrics.AnswerRequiresReview(question, answer.RootElement);
    }
}

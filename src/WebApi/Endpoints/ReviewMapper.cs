using System.Text.Json;
using ComplianceGrains.Compliance;
using ComplianceGrains.WebApi.Contracts;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>
/// The reviewer's view (API.md §4 Review): the user's view plus each question's review settings, and the completion's
/// review state with the answers that triggered it.
/// </summary>
public static class ReviewMapper
{
    public static ChecklistReviewResponse Checklist(ChecklistForUser view, bool includeHidden)
    {
        var user = UserChecklistMapper.Map(view, includeHidden);
        var questions = view.Checklist.Questions.ToDictionary(q => q.Id);
        var reviewed = user.Questions
            .Select(node =>
            {
                var q = questions[node.Uuid].Definition;
                return new ReviewerQuestionResponse(node, q.Operator ?? "", Json(q.ReviewAnswerValueJson), q.AlwaysRequiresReview);
            })
            .ToList();
        return new ChecklistReviewResponse(user.Checklist, Completion(view), reviewed);
    }

    public static CompletionReviewResponse Completion(ChecklistForUser view)
    {
        var status = view.Completion;
        var triggers = new List<ReviewTriggerResponse>();
        foreach (var question in view.Checklist.Questions)
        {
            if (!view.Answers.TryGetValue(question.Id, out var answer) || !UserChecklistMapper.RequiresReview(question.Definition, answer)) continue;
            var q = question.Definition;
            triggers.Add(new ReviewTriggerResponse(
                q.Description, Json(answer.AnswerJson)!.Value, Json(q.ReviewAnswerValueJson),
                q.AlwaysRequiresReview ? "always" : q.Operator ?? ""));
        }
        return new CompletionReviewResponse(
            CompletionStatusResponse.From(status), status.RequiresReview, status.ReviewedBy, status.ReviewedByName ?? "",
            status.ReviewedAt, status.ReviewNotes, triggers);
    }

    private static JsonElement? Json(string? raw) => raw is null ? null : JsonDocument.Parse(raw).RootElement.Clone();
}

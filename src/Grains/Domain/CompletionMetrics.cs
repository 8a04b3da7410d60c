using System.Text.Json;
using ComplianceGrains.Checklists;

namespace ComplianceGrains.Domain;

/// <summary>The metrics of a completion against the checklist as it is now (BEHAVIOUR.md §3).</summary>
public sealed record CompletionMetrics(
    IReadOnlySet<Guid> VisibleQuestionIds,
    bool IsCompleted,
    double CompletionPercentage,
    IReadOnlyList<QuestionView> UnansweredRequired,
    IReadOnlyList<QuestionView> ReviewTriggers)
{
    public bool RequiresReview => ReviewTriggers.Count > 0;

    /// <param name="questions">The checklist's questions in order.</param>
    /// <param name="answers">Current answers (raw JSON) by question id.</param>
    public static CompletionMetrics Compute(IReadOnlyList<QuestionView> questions, IReadOnlyDictionary<Guid, string> answers)
    {
        var documents = new List<JsonDocument>(answers.Count);
        var parsed = new Dictionary<Guid, JsonElement>(answers.Count);
        try
        {
            foreach (var (questionId, json) in answers)
            {
                var document = JsonDocument.Parse(json);
                documents.Add(document);
                parsed[questionId] = document.RootElement;
            }
            return FromParsed(questions, parsed);
        }
        finally
        {
            // The metrics keep no answer: the parsed documents go back to their pool, uncopied.
            foreach (var document in documents) document.Dispose();
        }
    }

    private static CompletionMetrics FromParsed(IReadOnlyList<QuestionView> questions, Dictionary<Guid, JsonElement> parsed)
    {
        var visible = QuestionVisibility.VisibleQuestions(questions, parsed);
        var visibleQuestions = questions.Where(q => visible.Contains(q.Id)).ToList();
        var answered = visibleQuestions.Count(q => parsed.ContainsKey(q.Id));
        var unanswered = visibleQuestions.Where(q => q.Definition.Required && !parsed.ContainsKey(q.Id)).ToList();
        var percentage = visibleQuestions.Count == 0
            ? 100.0
            : Math.Round(answered * 100.0 / visibleQuestions.Count, 1, MidpointRounding.AwayFromZero);
        var triggers = questions.Where(q => parsed.TryGetValue(q.Id, out var answer) && AnswerRequiresReview(q.Definition, answer)).ToList();
        return new CompletionMetrics(visible, unanswered.Count == 0, percentage, unanswered, triggers);
    }

    /// <summary>An answer requires review when its question always does, or its review operator matches it.</summary>
    public static bool AnswerRequiresReview(QuestionDefinition question, JsonElement answer)
    {
        if (question.AlwaysRequiresReview) return true;
        if (question.Operator is not { } op || question.ReviewAnswerValueJson is not { } required) return false;
        using var document = JsonDocument.Parse(required);
        return OperatorEvaluation.Matches(op, answer, document.RootElement);
    }
}

using System.Text.Json;
using ComplianceGrains.Checklists;
using ComplianceGrains.Compliance;

namespace ComplianceGrains.Domain;

/// <summary>
/// An accepted submission item: the answer to store, or null to remove the answer. A file answer carries its
/// decoded files, which are stored before the answer (its JSON is then rebuilt from the stored files).
/// </summary>
public sealed record AcceptedAnswer(QuestionView Question, string? AnswerJson, IReadOnlyList<FileUpload>? Files = null);

/// <summary>
/// Validates a whole submission (BEHAVIOUR.md §1). Either every item is accepted, or the result carries one
/// error entry per item (empty for valid items) and nothing may be stored.
/// </summary>
public static class SubmissionValidation
{
    /// <param name="FailureTypes">Of a refused submission, the type of each refused item (<see cref="FailureTypes"/>).</param>
    public sealed record Outcome(
        IReadOnlyList<AcceptedAnswer>? Accepted, IReadOnlyList<IReadOnlyDictionary<string, string[]>>? Errors,
        IReadOnlyList<string>? FailureTypes = null);

    /// <summary>Why an item was refused; an answer that does not fit its question is named by the question's type.</summary>
    public static class FailureTypes
    {
        public const string Malformed = "malformed";
        public const string UnknownQuestion = "unknown_question";
        public const string OtherChecklist = "other_checklist";
    }

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    /// <param name="questions">The checklist's questions.</param>
    /// <param name="items">The submission, in request order.</param>
    /// <param name="questionsOfOtherChecklists">Ids among the items that name a question of another checklist.</param>
    /// <param name="sniffMimeType">Tells the MIME type of a file's bytes.</param>
    public static Outcome Validate(
        IReadOnlyList<QuestionView> questions, IReadOnlyList<SubmittedAnswer> items, IReadOnlySet<Guid> questionsOfOtherChecklists,
        Func<byte[], string> sniffMimeType)
    {
        var byId = questions.ToDictionary(q => q.Id);
        var errors = new List<IReadOnlyDictionary<string, string[]>>(items.Count);
        var accepted = new List<AcceptedAnswer>(items.Count);
        var failureTypes = new List<string>();
        foreach (var item in items)
        {
            var error = ValidateItem(item, byId, questionsOfOtherChecklists, sniffMimeType, out var answer);
            errors.Add(error ?? NoErrors);
            if (answer is not null) accepted.Add(answer);
            if (error is { Count: > 0 }) failureTypes.Add(FailureType(item, byId, questionsOfOtherChecklists));
        }
        return failureTypes.Count > 0 ? new Outcome(null, errors, failureTypes) : new Outcome(accepted, null);
    }

    private static string FailureType(SubmittedAnswer item, IReadOnlyDictionary<Guid, QuestionView> questions, IReadOnlySet<Guid> foreign) =>
        item.ParseErrors is { Count: > 0 } ? FailureTypes.Malformed
        : questions.TryGetValue(item.QuestionId!.Value, out var question) ? question.Definition.QuestionType
        : foreign.Contains(item.QuestionId!.Value) ? FailureTypes.OtherChecklist
        : FailureTypes.UnknownQuestion;

    private static IReadOnlyDictionary<string, string[]>? ValidateItem(
        SubmittedAnswer item, IReadOnlyDictionary<Guid, QuestionView> questions, IReadOnlySet<Guid> foreign,
        Func<byte[], string> sniffMimeType, out AcceptedAnswer? answer)
    {
        answer = null;
        if (item.ParseErrors is { Count: > 0 } parseErrors) return parseErrors;
        var questionId = item.QuestionId!.Value;
        if (!questions.TryGetValue(questionId, out var question))
            return NonField(foreign.Contains(questionId)
                ? ValidationMessages.QuestionNotInChecklist(questionId)
                : ValidationMessages.QuestionDoesNotExist(questionId));
        if (TextRules.JsonProblem(item.AnswerJson) is { } textProblem) return new Dictionary<string, string[]> { ["answer_data"] = [textProblem] };
        if (item.AnswerJson is null)
        {
            answer = new AcceptedAnswer(question, null);
            return null;
        }
        using var document = JsonDocument.Parse(item.AnswerJson);
        var value = document.RootElement;
        if (value.ValueKind == JsonValueKind.Null)
        {
            answer = new AcceptedAnswer(question, null);
            return null;
        }
        if (question.Definition.QuestionType is QuestionTypes.File or QuestionTypes.MultipleFiles)
        {
            var files = FileAnswerValidation.Validate(question, value, sniffMimeType);
            if (files is null)
                return NonField(ValidationMessages.InvalidAnswer(value, question.Definition.Description, question.Definition.QuestionType));
            answer = new AcceptedAnswer(question, item.AnswerJson, files);
            return null;
        }
        var normalised = AnswerValidation.Normalise(question, value);
        if (normalised is null)
            return NonField(ValidationMessages.InvalidAnswer(value, question.Definition.Description, question.Definition.QuestionType));
        answer = new AcceptedAnswer(question, normalised);
        return null;
    }

    private static Dictionary<string, string[]> NonField(string message) => new() { ["non_field_errors"] = [message] };
}

using System.Text.Json;
using ComplianceGrains.Checklists;

namespace ComplianceGrains.Domain;

/// <summary>Admin validation of a question dependency (API.md §2). Returns field errors; empty when valid.</summary>
public static class DependencyRules
{
    private const string NonFieldErrors = "non_field_errors";

    /// <param name="questions">The checklist's questions, with their current dependencies.</param>
    /// <param name="dependency">The new or changed dependency.</param>
    public static Dictionary<string, string[]> Validate(IReadOnlyList<QuestionView> questions, DependencyView dependency)
    {
        var text = TextRules.JsonErrors(("required_answer_value", dependency.RequiredAnswerValueJson));
        foreach (var (field, problem) in TextRules.Errors(("operator", dependency.Operator))) text[field] = problem;
        if (text.Count > 0) return text;
        var byId = questions.ToDictionary(q => q.Id);
        if (!byId.ContainsKey(dependency.QuestionId))
            return Error("question", "The question must belong to the checklist of the dependency.");
        if (!byId.TryGetValue(dependency.DependsOnQuestionId, out var dependsOn))
            return Error("depends_on_question", "Both questions must belong to the same checklist.");
        if (dependency.QuestionId == dependency.DependsOnQuestionId)
            return Error(NonFieldErrors, "Question cannot depend on itself");
        if (!Operators.IsKnown(dependency.Operator))
            return Error("operator", $"\"{dependency.Operator}\" is not a valid choice.");
        if (!Operators.Suits(dependency.Operator, dependsOn.Definition.QuestionType))
            return Error("operator",
                $"Operator '{dependency.Operator}' is not supported for question type '{dependsOn.Definition.QuestionType}'.");
        if (!IsValidRequiredValue(dependsOn, dependency.Operator, dependency.RequiredAnswerValueJson))
            return Error("required_answer_value",
                $"The required value is not a valid answer for the question '{ValidationMessages.Cut(dependsOn.Definition.Description)}' (type: {dependsOn.Definition.QuestionType}).");
        if (FindCycle(questions, dependency) is { } cycle)
            return Error(NonFieldErrors,
                "Circular dependency detected: " + string.Join(" -> ", cycle.Select(id => $"'{ValidationMessages.Cut(byId[id].Definition.Description)}'")));
        return [];
    }

    private static bool IsValidRequiredValue(QuestionView dependsOn, string op, string valueJson)
    {
        using var document = JsonDocument.Parse(valueJson);
        var value = document.RootElement;
        if (value.ValueKind == JsonValueKind.Null) return false;
        switch (op)
        {
            case Operators.EqualsOp or Operators.NotEquals:
                return AnswerValidation.Normalise(dependsOn, value) is not null;
            case Operators.Contains:
                return Items(value).All(item => item.ValueKind == JsonValueKind.String);
            default:
                if (value.ValueKind != JsonValueKind.Array) return false;
                return value.EnumerateArray().All(item => IsValidMember(dependsOn, item));
        }
    }

    /// <summary>Whether one item of an in/not_in list can occur in an answer to the question.</summary>
    private static bool IsValidMember(QuestionView question, JsonElement item) => question.Definition.QuestionType switch
    {
        QuestionTypes.SingleSelect or QuestionTypes.MultiSelect =>
            item.ValueKind == JsonValueKind.String
            && Guid.TryParse(item.GetString(), out var id)
            && question.Options.Any(o => o.Id == id),
        QuestionTypes.Country => AnswerValidation.Normalise(question, item) is not null,
        _ => item.ValueKind == JsonValueKind.String,
    };

    private static IEnumerable<JsonElement> Items(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];

    /// <summary>The questions of a cycle that the dependency would close, starting and ending with its question.</summary>
    private static List<Guid>? FindCycle(IReadOnlyList<QuestionView> questions, DependencyView dependency)
    {
        var edges = questions
            .SelectMany(q => q.Dependencies)
            .Where(d => d.Id != dependency.Id)
            .Append(dependency)
            .GroupBy(d => d.QuestionId)
            .ToDictionary(g => g.Key, g => g.Select(d => d.DependsOnQuestionId).Distinct().ToList());
        var path = new List<Guid> { dependency.QuestionId };
        var visited = new HashSet<Guid>();

        bool Walk(Guid current)
        {
            foreach (var next in edges.GetValueOrDefault(current, []))
            {
                path.Add(next);
                if (next == dependency.QuestionId) return true;
                if (visited.Add(next) && Walk(next)) return true;
                path.RemoveAt(path.Count - 1);
            }
            return false;
        }

        return Walk(dependency.QuestionId) ? path : null;
    }

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}

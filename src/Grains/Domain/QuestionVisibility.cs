using System.Text.Json;
using ComplianceGrains.Checklists;

namespace ComplianceGrains.Domain;

/// <summary>
/// Which questions a user sees: those without dependencies, or whose dependencies hold against the current
/// answers (BEHAVIOUR.md §3).
/// </summary>
public static class QuestionVisibility
{
    public static IReadOnlySet<Guid> VisibleQuestions(IReadOnlyList<QuestionView> questions, IReadOnlyDictionary<Guid, JsonElement> answers)
    {
        // Conditional questions arrive with the dependency model; until then every question is visible.
        _ = answers;
        return questions.Select(q => q.Id).ToHashSet();
    }
}

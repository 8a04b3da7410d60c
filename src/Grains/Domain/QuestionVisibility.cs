using System.Text.Json;
using ComplianceGrains.Checklists;

namespace ComplianceGrains.Domain;

/// <summary>
/// Which questions a user sees (BEHAVIOUR.md §3): those without dependencies, or whose dependencies hold
/// against the current answers — all of them for <c>and</c>, at least one for <c>or</c>. An answer to a hidden
/// question satisfies nothing.
/// </summary>
public static class QuestionVisibility
{
    public static IReadOnlySet<Guid> VisibleQuestions(IReadOnlyList<QuestionView> questions, IReadOnlyDictionary<Guid, JsonElement> answers)
    {
        var byId = questions.ToDictionary(q => q.Id);
        var memo = new Dictionary<Guid, bool>();

        bool IsVisible(Guid id, int depth)
        {
            if (memo.TryGetValue(id, out var known)) return known;
            if (!byId.TryGetValue(id, out var question) || depth > questions.Count) return false;
            var dependencies = question.Dependencies;
            var visible = dependencies.Count == 0 || (question.Definition.DependencyLogicOperator == "or"
                ? dependencies.Any(d => Holds(d, depth))
                : dependencies.All(d => Holds(d, depth)));
            return memo[id] = visible;
        }

        bool Holds(DependencyView dependency, int depth)
        {
            if (!IsVisible(dependency.DependsOnQuestionId, depth + 1)) return false;
            if (!answers.TryGetValue(dependency.DependsOnQuestionId, out var answer)) return false;
            using var required = JsonDocument.Parse(dependency.RequiredAnswerValueJson);
            return OperatorEvaluation.Matches(dependency.Operator, answer, required.RootElement);
        }

        return questions.Where(q => IsVisible(q.Id, 0)).Select(q => q.Id).ToHashSet();
    }
}

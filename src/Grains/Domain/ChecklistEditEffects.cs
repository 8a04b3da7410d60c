using ComplianceGrains.Checklists;

namespace ComplianceGrains.Domain;

/// <summary>
/// What a checklist edit changes: the questions as they would be after it, and whether a completion that is complete
/// now would no longer be (its answers measured against both versions, as the completion's metrics are).
/// </summary>
public static class ChecklistEditEffects
{
    /// <param name="questions">The checklist's questions in order, with their dependencies.</param>
    /// <param name="created">The creation time a new question would get.</param>
    public static IReadOnlyList<QuestionView> Apply(IReadOnlyList<QuestionView> questions, ChecklistEdit edit, DateTime created)
    {
        var result = questions.ToList();
        if (edit is { QuestionId: { } questionId, Definition: { } definition })
        {
            var index = result.FindIndex(q => q.Id == questionId);
            if (index >= 0) result[index] = result[index] with { Definition = definition };
            else result.Add(new QuestionView(questionId, Guid.Empty, "", "", definition, [], created));
        }
        else if (edit.QuestionId is { } deleted)
        {
            result = result.Where(q => q.Id != deleted)
                .Select(q => q with { Dependencies = q.Dependencies.Where(d => d.DependsOnQuestionId != deleted).ToList() })
                .ToList();
        }
        if (edit.Dependency is { } dependency)
            result = result.Select(q => q with
            {
                Dependencies = q.Dependencies.Where(d => d.Id != dependency.Id)
                    .Concat(q.Id == dependency.QuestionId ? [dependency] : [])
                    .ToList(),
            }).ToList();
        if (edit.DeletedDependencyId is { } dependencyId)
            result = result.Select(q => q with { Dependencies = q.Dependencies.Where(d => d.Id != dependencyId).ToList() }).ToList();
        return result.OrderBy(q => q.Definition.Order).ThenBy(q => q.Created).ToList();
    }

    /// <param name="answers">The completion's answers (raw JSON) by question id.</param>
    public static bool BecomesIncomplete(
        IReadOnlyList<QuestionView> current, IReadOnlyList<QuestionView> proposed, IReadOnlyDictionary<Guid, string> answers) =>
        CompletionMetrics.Compute(current, answers).IsCompleted && !CompletionMetrics.Compute(proposed, answers).IsCompleted;
}

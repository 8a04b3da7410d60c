using System.Collections.Concurrent;
using ComplianceGrains.Checklists;

namespace ComplianceGrains.Compliance;

/// <summary>
/// Checklist definitions cached per silo by version: a definition is fetched from its checklist grain only
/// when a caller needs a newer version than the cached one.
/// </summary>
public sealed class ChecklistDefinitionCache(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<Guid, ChecklistDefinition> _definitions = new();
    private readonly ConcurrentDictionary<Guid, UnansweredQuestion> _questionViews = new();
    private readonly Lock _storeLock = new();

    public async Task<ChecklistDefinition?> GetAsync(Guid checklistId, long minimumVersion)
    {
        if (_definitions.TryGetValue(checklistId, out var cached) && cached.Version >= minimumVersion) return cached;
        var fetched = await grains.GetGrain<IChecklistGrain>(checklistId).GetDefinitionAsync();
        if (fetched is null) return null;
        lock (_storeLock)
        {
            if (_definitions.TryGetValue(checklistId, out var current) && current.Version > fetched.Version) return current;
            // The questions first: whoever finds this definition in the cache also finds their views.
            IndexQuestions(fetched);
            _definitions[checklistId] = fetched;
            return fetched;
        }
    }

    /// <summary>
    /// A question as completions list it among their unanswered required questions, with the description and type of
    /// the newest definition this silo has fetched that contains it; one shared instance per question, so that grain
    /// states and snapshots hold question ids or references, not copies of descriptions. Null for a question this silo
    /// has not seen in any definition (fetch the checklist's definition first).
    /// </summary>
    public UnansweredQuestion? QuestionView(Guid questionId) => _questionViews.GetValueOrDefault(questionId);

    private void IndexQuestions(ChecklistDefinition definition)
    {
        foreach (var question in definition.Questions)
        {
            var q = question.Definition;
            if (_questionViews.TryGetValue(question.Id, out var view) && view.Description == q.Description && view.QuestionType == q.QuestionType)
                continue;
            _questionViews[question.Id] = new UnansweredQuestion(question.Id, q.Description, q.QuestionType);
        }
    }
}

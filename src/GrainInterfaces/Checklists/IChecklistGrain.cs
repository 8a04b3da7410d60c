namespace ComplianceGrains.Checklists;

/// <summary>A checklist: its questions and their options, a version number, the offerings that use it. Staff only.</summary>
public interface IChecklistGrain : IGrainWithGuidKey
{
    Task<ChecklistView> CreateAsync(Caller caller, ChecklistFields fields);

    Task<ChecklistView> GetAsync(Caller caller);

    Task<ChecklistView> UpdateAsync(Caller caller, ChecklistFields fields);

    /// <summary>Deletes the checklist; refused while an offering uses it.</summary>
    Task DeleteAsync(Caller caller);

    /// <summary>The questions in order (then creation order).</summary>
    Task<IReadOnlyList<QuestionView>> GetQuestionsAsync(Caller caller);

    Task<QuestionView> AddQuestionAsync(Caller caller, Guid questionId, QuestionDefinition definition);

    Task<QuestionView> GetQuestionAsync(Caller caller, Guid questionId);

    Task<QuestionView> UpdateQuestionAsync(Caller caller, Guid questionId, QuestionDefinition definition);

    Task DeleteQuestionAsync(Caller caller, Guid questionId);

    Task<OptionView> AddOptionAsync(Caller caller, Guid optionId, Guid questionId, string label, int order);

    Task<OptionView> GetOptionAsync(Caller caller, Guid optionId);

    Task<OptionView> UpdateOptionAsync(Caller caller, Guid optionId, string label, int order);

    Task DeleteOptionAsync(Caller caller, Guid optionId);

    /// <summary>Makes a question conditional on another question of this checklist; no self-dependency, no cycle.</summary>
    Task<DependencyView> AddDependencyAsync(Caller caller, DependencyView dependency);

    Task<DependencyView> GetDependencyAsync(Caller caller, Guid dependencyId);

    Task<DependencyView> UpdateDependencyAsync(Caller caller, DependencyView dependency);

    Task DeleteDependencyAsync(Caller caller, Guid dependencyId);

    Task<IReadOnlyList<DependencyView>> GetDependenciesAsync(Caller caller);

    /// <summary>The offerings that use the checklist.</summary>
    Task<IReadOnlyList<Guid>> GetOfferingIdsAsync(Caller caller);

    /// <summary>
    /// Validates an edit as making it would, and says what it would do to the completions of the offerings that use the
    /// checklist; changes nothing.
    /// </summary>
    Task<ChecklistEditImpact> PreviewEditAsync(Caller caller, ChecklistEdit edit);

    /// <summary>The checklist's name and type for an offering that wants to use it; null when it does not exist.</summary>
    [AlwaysInterleave]
    Task<ChecklistView?> FindAsync();

    /// <summary>The checklist's current definition, for validation and metrics; null when it does not exist.</summary>
    [AlwaysInterleave]
    Task<Compliance.ChecklistDefinition?> GetDefinitionAsync();

    Task AddOfferingUseAsync(Guid offeringId);

    Task RemoveOfferingUseAsync(Guid offeringId);
}

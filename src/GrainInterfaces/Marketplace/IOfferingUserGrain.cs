using ComplianceGrains.Compliance;

namespace ComplianceGrains.Marketplace;

/// <summary>
/// One offering user: its account on an offering and its compliance completions (current and archived),
/// their answers, metrics and review. Validates and applies every submission.
/// </summary>
public interface IOfferingUserGrain : IGrainWithGuidKey
{
    Task<OfferingUserView> CreateAsync(Caller caller, Guid offeringId, Guid userId, string? username);

    Task<OfferingUserView> GetAsync(Caller caller);

    Task<OfferingUserView> UpdateAsync(Caller caller, OfferingUserChanges changes);

    Task DeleteAsync(Caller caller);

    /// <summary>The checklist with the caller's view of the current answers.</summary>
    Task<ChecklistForUser> GetChecklistAsync(Caller caller);

    Task<CompletionStatus> GetCompletionStatusAsync(Caller caller);

    /// <summary>Validates every item; stores all of them or none.</summary>
    Task<SubmitResult> SubmitAnswersAsync(Caller caller, IReadOnlyList<SubmittedAnswer> answers);

    /// <summary>The checklist as a reviewer sees it (staff, support, OFFERING.UPDATE_USER; not the user themself).</summary>
    Task<ChecklistForUser> GetChecklistForReviewAsync(Caller caller);

    /// <summary>Records that the caller reviewed the current answers.</summary>
    Task<ChecklistForUser> ReviewAsync(Caller caller, string notes);

    /// <summary>A file of one of the offering user's answers, for those who may read the checklist.</summary>
    Task<StoredFile> GetFileAsync(Caller caller, string storedFileId);

    /// <summary>Every stored submission item, newest first.</summary>
    Task<Page<HistoryEntry>> GetHistoryAsync(Caller caller, PageRequest page);

    /// <summary>
    /// Brings the completions in line with the offering's checklist: archives completions of other checklists,
    /// creates the current one if missing, recomputes metrics for a newer checklist version. Idempotent.
    /// </summary>
    Task SyncComplianceAsync(ComplianceTarget target);

    /// <summary>Confirms the current answers (API.md §10 attest/): renews the attestation; 400 when not complete.</summary>
    Task<CompletionStatus> AttestAsync(Caller caller);

    /// <summary>
    /// Brings the completion in line with <paramref name="target"/> and the clock (storing and publishing a change of
    /// overdue or expired), and sends the reminder the schedule owes, or with <paramref name="remindNow"/> one whatever
    /// the schedule if the completion is not completed. Returns whether a reminder was sent.
    /// </summary>
    Task<bool> EvaluateAsync(ComplianceTarget target, bool remindNow);

    /// <summary>
    /// What replacing the checklist's <paramref name="current"/> definition by <paramref name="proposed"/> would do to
    /// the current completion, if it is one of that checklist; changes nothing.
    /// </summary>
    [ReadOnly]
    Task<Checklists.ChecklistEditImpact> PreviewChecklistEditAsync(ChecklistDefinition current, ChecklistDefinition proposed);
}

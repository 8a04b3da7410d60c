using ComplianceGrains.Compliance;

namespace ComplianceGrains.Marketplace;

/// <summary>An offering: its data, its compliance checklist and its offering users.</summary>
public interface IOfferingGrain : IGrainWithGuidKey
{
    Task<OfferingView> CreateAsync(Caller caller, NewOffering offering);

    /// <summary>The offering as its provider sees it: staff, support and members of its customer.</summary>
    Task<OfferingView> GetAsync(Caller caller);

    /// <summary>
    /// The checklist a future offering user of this offering answers; for callers who see the offering, in the public
    /// catalogue or as a member. 400 when the offering requires no checklist.
    /// </summary>
    Task<Compliance.ChecklistDefinition> GetChecklistTemplateAsync(Caller caller);

    /// <summary>The offering as anyone sees it in the public catalogue.</summary>
    [AlwaysInterleave]
    Task<OfferingView> GetPublicAsync();

    Task<OfferingView> ArchiveAsync(Caller caller);

    /// <summary>
    /// Registers the user on the offering and returns the new offering user's id;
    /// a second registration of the same user is a validation error.
    /// </summary>
    Task<Guid> AddOfferingUserAsync(Caller caller, Guid offeringUserId, Guid userId);

    /// <summary>The checklist the offering requires now, and the newest version of it that the offering knows.</summary>
    [AlwaysInterleave]
    Task<ComplianceTarget> GetComplianceTargetAsync();

    /// <summary>
    /// Attaches, changes or (with null) detaches the compliance checklist, and starts the background job that
    /// brings every offering user's completions in line.
    /// </summary>
    Task<ComplianceSyncStatus> UpdateComplianceChecklistAsync(Caller caller, Guid? checklistId);

    Task<ComplianceSyncStatus> GetComplianceSyncAsync(Caller caller);

    /// <summary>The offering's compliance policy (API.md §10 compliance_policy/).</summary>
    Task<CompliancePolicy> GetCompliancePolicyAsync(Caller caller);

    /// <summary>Stores a valid policy and re-evaluates every completion of the offering in the background.</summary>
    Task<CompliancePolicy> SetCompliancePolicyAsync(Caller caller, CompliancePolicy policy);

    /// <summary>
    /// Re-evaluates every offering user against the clock (overdue, expired, reminders owed), in bounded batches. The
    /// offering's reminder calls it periodically; returns the number of reminders sent.
    /// </summary>
    Task<int> SweepAsync();

    /// <summary>Seconds until "remind now" is accepted again for the offering, or null when it is accepted now.</summary>
    Task<int?> RemindNowRetryAfterAsync(Caller caller);

    /// <summary>
    /// Sends a reminder to every offering user whose completion is not completed, whatever the schedule, at most once
    /// an hour (OFFERING.UPDATE_USER).
    /// </summary>
    Task<RemindNowOutcome> RemindNowAsync(Caller caller);

    /// <summary>Told by a checklist that it changed, so that every offering user's metrics are recomputed.</summary>
    [AlwaysInterleave]
    Task ChecklistChangedAsync(Guid checklistId, long version);

    /// <summary>What replacing the checklist's <paramref name="current"/> definition by <paramref name="proposed"/> would do to the offering's completions.</summary>
    Task<Checklists.ChecklistEditImpact> PreviewChecklistEditAsync(Compliance.ChecklistDefinition current, Compliance.ChecklistDefinition proposed);

    /// <summary>Forgets the offering user (called when it is deleted).</summary>
    [OneWay]
    Task RemoveOfferingUserAsync(Guid offeringUserId, Guid userId);
}

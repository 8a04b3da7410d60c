namespace ComplianceGrains.Checklists;

/// <summary>Keyed by a question or option uuid: which checklist owns that item.</summary>
public interface IChecklistItemLocatorGrain : IGrainWithGuidKey
{
    Task SetAsync(Guid checklistId);

    Task ClearAsync();

    [AlwaysInterleave]
    Task<Guid?> GetChecklistIdAsync();
}

namespace ComplianceGrains.Checklists;

/// <summary>Keyed by a checklist type that allows a single checklist: holds which checklist has it.</summary>
public interface IChecklistTypeSlotGrain : IGrainWithStringKey
{
    /// <summary>Claims the type for the checklist; false when another checklist holds it.</summary>
    Task<bool> ClaimAsync(Guid checklistId);

    /// <summary>Gives the type up, if this checklist holds it.</summary>
    Task ReleaseAsync(Guid checklistId);
}

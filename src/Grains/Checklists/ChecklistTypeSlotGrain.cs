namespace ComplianceGrains.Checklists;

[GenerateSerializer]
public sealed class ChecklistTypeSlotState
{
    [Id(0)] public Guid? ChecklistId { get; set; }
}

public sealed class ChecklistTypeSlotGrain(
    [PersistentState("checklist-type-slot", StorageNames.Main)] IPersistentState<ChecklistTypeSlotState> state)
    : Grain, IChecklistTypeSlotGrain
{
    public async Task<bool> ClaimAsync(Guid checklistId)
    {
        if (state.State.ChecklistId is { } holder) return holder == checklistId;
        state.State.ChecklistId = checklistId;
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReleaseAsync(Guid checklistId)
    {
        if (state.State.ChecklistId != checklistId) return;
        state.State.ChecklistId = null;
        await state.WriteStateAsync();
    }
}

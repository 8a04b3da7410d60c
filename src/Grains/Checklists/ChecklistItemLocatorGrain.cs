namespace ComplianceGrains.Checklists;

[GenerateSerializer]
public sealed class ChecklistItemLocatorState
{
    [Id(0)] public Guid? ChecklistId { get; set; }
}

public sealed class ChecklistItemLocatorGrain(
    [PersistentState("checklist-item", StorageNames.Main)] IPersistentState<ChecklistItemLocatorState> state)
    : Grain, IChecklistItemLocatorGrain
{
    public async Task SetAsync(Guid checklistId)
    {
        state.State.ChecklistId = checklistId;
        await state.WriteStateAsync();
    }

    public async Task ClearAsync()
    {
        if (state.State.ChecklistId is null) return;
        await state.ClearStateAsync();
        state.State = new ChecklistItemLocatorState();
    }

    public Task<Guid?> GetChecklistIdAsync() => Task.FromResult(state.State.ChecklistId);
}

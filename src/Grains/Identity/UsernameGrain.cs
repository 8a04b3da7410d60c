namespace ComplianceGrains.Identity;

[GenerateSerializer]
public sealed class UsernameState
{
    [Id(0)] public Guid? UserId { get; set; }
}

public sealed class UsernameGrain(
    [PersistentState("username", StorageNames.Main)] IPersistentState<UsernameState> state) : Grain, IUsernameGrain
{
    public async Task<bool> ReserveAsync(Guid userId)
    {
        if (state.State.UserId is { } holder) return holder == userId;
        state.State.UserId = userId;
        await state.WriteStateAsync();
        return true;
    }

    public Task<Guid?> GetUserIdAsync() => Task.FromResult(state.State.UserId);
}

namespace ComplianceGrains.Identity;

[GenerateSerializer]
public sealed class TokenState
{
    [Id(0)] public Guid? UserId { get; set; }
}

public sealed class TokenGrain(
    [PersistentState("token", StorageNames.Main)] IPersistentState<TokenState> state) : Grain, ITokenGrain
{
    public async Task AssignAsync(Guid userId)
    {
        state.State.UserId = userId;
        await state.WriteStateAsync();
    }

    public async Task RevokeAsync()
    {
        if (state.State.UserId is null) return;
        await state.ClearStateAsync();
        state.State = new TokenState();
    }

    public Task<Guid?> GetUserIdAsync() => Task.FromResult(state.State.UserId);
}

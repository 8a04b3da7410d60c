namespace ComplianceGrains.Identity;

[GenerateSerializer]
public sealed class TokenState
{
    [Id(0)] public Guid? UserId { get; set; }
    [Id(1)] public bool IsStaff { get; set; }
    [Id(2)] public bool IsSupport { get; set; }

    /// <summary>False for tokens stored before the flags were kept here; they are read from the user once.</summary>
    [Id(3)] public bool HasFlags { get; set; }
}

public sealed class TokenGrain(
    [PersistentState("token", StorageNames.Main)] IPersistentState<TokenState> state) : Grain, ITokenGrain
{
    public async Task AssignAsync(Caller owner)
    {
        state.State = new TokenState { UserId = owner.UserId, IsStaff = owner.IsStaff, IsSupport = owner.IsSupport, HasFlags = true };
        await state.WriteStateAsync();
    }

    public async Task RevokeAsync()
    {
        if (state.State.UserId is null) return;
        await state.ClearStateAsync();
        state.State = new TokenState();
    }

    public async Task<Caller?> AuthenticateAsync()
    {
        if (state.State.UserId is not { } userId) return null;
        if (state.State.HasFlags) return new Caller(userId, state.State.IsStaff, state.State.IsSupport);
        var owner = await GrainFactory.GetGrain<IUserGrain>(userId).AuthenticateAsync(this.GetPrimaryKeyString());
        if (owner is not null && state.State.UserId == userId) await AssignAsync(owner);
        return owner;
    }
}

using ComplianceGrains.Domain;

namespace ComplianceGrains.Identity;

[GenerateSerializer]
public sealed class TokenState
{
    [Id(0)] public Guid? UserId { get; set; }
    [Id(1)] public bool IsStaff { get; set; }
    [Id(2)] public bool IsSupport { get; set; }

    /// <summary>False for tokens stored before the flags were kept here; they are read from the user once.</summary>
    [Id(3)] public bool HasFlags { get; set; }

    /// <summary>The owner's token lifetime when the token was issued; null: the token never expires.</summary>
    [Id(4)] public int? LifetimeSeconds { get; set; }

    /// <summary>The last request with the token, as last stored (see <see cref="TokenExpiry.StoreEvery"/>).</summary>
    [Id(5)] public DateTime LastUsed { get; set; }
}

public sealed class TokenGrain(
    [PersistentState("token", StorageNames.Main)] IPersistentState<TokenState> state,
    TimeProvider time) : Grain, ITokenGrain
{
    private DateTime _lastUsed;
    private bool _storingLastUse;
    private bool _evictionPending;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastUsed = state.State.LastUsed;
        return Task.CompletedTask;
    }

    public async Task AssignAsync(Caller owner, int? lifetimeSeconds)
    {
        var changesCachedCaller = MayBeCached(state.State) && StoodFor(state.State) != owner;
        _lastUsed = time.GetUtcNow().UtcDateTime;
        state.State = new TokenState
        {
            UserId = owner.UserId, IsStaff = owner.IsStaff, IsSupport = owner.IsSupport, HasFlags = true,
            LifetimeSeconds = lifetimeSeconds, LastUsed = _lastUsed,
        };
        _evictionPending |= changesCachedCaller;
        await state.WriteStateAsync();
        await EvictFromFrontEndsAsync();
    }

    /// <summary>Returns once no front end answers from its cache for the token any more.</summary>
    public async Task RevokeAsync()
    {
        if (state.State.UserId is not null)
        {
            _evictionPending |= MayBeCached(state.State);
            await state.ClearStateAsync();
            state.State = new TokenState();
        }
        await EvictFromFrontEndsAsync();
    }

    public async Task<Caller?> AuthenticateAsync() => (await ResolveAsync()).Caller;

    public async Task<TokenAuthentication> ResolveAsync()
    {
        if (state.State.UserId is not { } userId) return TokenAuthentication.Refused;
        var now = time.GetUtcNow().UtcDateTime;
        if (TokenExpiry.HasExpired(state.State.LifetimeSeconds, _lastUsed, now)) return TokenAuthentication.Refused;
        _lastUsed = now;
        await StoreLastUseAsync(now);
        if (!state.State.HasFlags)
        {
            var owner = await GrainFactory.GetGrain<IUserGrain>(userId).AuthenticateAsync(this.GetPrimaryKeyString());
            if (owner is null || state.State.UserId != userId) return new TokenAuthentication(owner, false);
            await AssignAsync(owner, state.State.LifetimeSeconds);
        }
        return new TokenAuthentication(StoodFor(state.State), MayBeCached(state.State));
    }

    private static Caller? StoodFor(TokenState token) =>
        token.UserId is { } userId ? new Caller(userId, token.IsStaff, token.IsSupport) : null;

    /// <summary>
    /// Front ends cache tokens without a lifetime only: a cached answer would not slide the lifetime, nor see it run out.
    /// </summary>
    private static bool MayBeCached(TokenState token) => token is { UserId: not null, HasFlags: true, LifetimeSeconds: not > 0 };

    /// <summary>
    /// Kept pending in the activation when the registry cannot be reached, so that the caller's retry evicts again even
    /// though the token itself is already revoked.
    /// </summary>
    private async Task EvictFromFrontEndsAsync()
    {
        if (!_evictionPending) return;
        await GrainFactory.GetGrain<ITokenCacheRegistryGrain>(0).EvictAsync(this.GetPrimaryKeyString());
        _evictionPending = false;
    }

    /// <summary>
    /// The last use is kept in memory and stored only now and then, so that a token with a lifetime does not cost a write
    /// per request; one write at a time, since authentication calls interleave. A failed write fails no request: the
    /// activation keeps the last use in memory, and stores it with the next attempt.
    /// </summary>
    private async Task StoreLastUseAsync(DateTime now)
    {
        if (_storingLastUse || !TokenExpiry.ShouldStore(state.State.LifetimeSeconds, state.State.LastUsed, now)) return;
        _storingLastUse = true;
        var stored = state.State.LastUsed;
        try
        {
            state.State.LastUsed = now;
            await state.WriteStateAsync();
        }
        catch (Exception)
        {
            state.State.LastUsed = stored;
        }
        finally
        {
            _storingLastUse = false;
        }
    }
}

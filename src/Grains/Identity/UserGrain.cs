using ComplianceGrains.Domain;
using ComplianceGrains.Errors;
using Microsoft.AspNetCore.Identity;

namespace ComplianceGrains.Identity;

[GenerateSerializer]
public sealed class UserState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Username { get; set; } = "";
    [Id(2)] public string FullName { get; set; } = "";
    [Id(3)] public string Email { get; set; } = "";
    [Id(4)] public bool IsStaff { get; set; }
    [Id(5)] public bool IsSupport { get; set; }
    [Id(6)] public string? PasswordHash { get; set; }
    [Id(7)] public DateTime Created { get; set; }
    [Id(8)] public Dictionary<Guid, CustomerRole> CustomerRoles { get; set; } = [];
    [Id(9)] public List<string> TokenHashes { get; set; } = [];
    [Id(10)] public Dictionary<Guid, DateTime> CustomerRoleExpirations { get; set; } = [];
    [Id(11)] public string FirstName { get; set; } = "";
    [Id(12)] public string LastName { get; set; } = "";
    [Id(13)] public int? TokenLifetimeSeconds { get; set; }
}

public sealed class UserGrain(
    [PersistentState("user", StorageNames.Main)] IPersistentState<UserState> state,
    IPasswordHasher<string> passwordHasher,
    TimeProvider time) : Grain, IUserGrain
{
    /// <summary>Each login issues a token; the oldest are revoked beyond this many.</summary>
    private const int MaxActiveTokens = 20;

    private Guid Id => this.GetPrimaryKey();

    public async Task<UserView> CreateAsync(NewUser user)
    {
        TextGuard.Require(("username", user.Username), ("full_name", user.FullName), ("first_name", user.FirstName),
            ("last_name", user.LastName), ("email", user.Email), ("password", user.Password));
        if (state.State.Exists) throw ValidationException.Field("username", "A user with that username already exists.");
        state.State = new UserState
        {
            Exists = true,
            Username = user.Username,
            FullName = user.FullName,
            FirstName = user.FirstName,
            LastName = user.LastName,
            TokenLifetimeSeconds = user.TokenLifetimeSeconds,
            Email = user.Email,
            IsStaff = user.IsStaff,
            IsSupport = user.IsSupport,
            PasswordHash = user.Password is null ? null : passwordHasher.HashPassword(user.Username, user.Password),
            Created = DateTime.UtcNow,
        };
        await state.WriteStateAsync();
        return View();
    }

    public Task<UserView> GetAsync(Caller caller)
    {
        if (!state.State.Exists || !(caller.CanReadEverything || caller.UserId == Id)) throw new NotFoundException();
        return Task.FromResult(View());
    }

    public Task<Caller?> AuthenticateAsync(string tokenHash) =>
        Task.FromResult(state.State.Exists && state.State.TokenHashes.Contains(tokenHash)
            ? new Caller(Id, state.State.IsStaff, state.State.IsSupport)
            : null);

    public async Task<string?> LoginAsync(string password)
    {
        if (!state.State.Exists || state.State.PasswordHash is null) return null;
        var result = passwordHasher.VerifyHashedPassword(state.State.Username, state.State.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed) return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
            state.State.PasswordHash = passwordHasher.HashPassword(state.State.Username, password);
        var token = TokenHashing.NewToken();
        await AddTokenAsync(token);
        return token;
    }

    public async Task<IssuedToken> RefreshTokenAsync(Caller caller)
    {
        if (!state.State.Exists || !(caller.CanReadEverything || caller.UserId == Id)) throw new NotFoundException();
        if (!(caller.IsStaff || caller.UserId == Id)) throw new PermissionDeniedException();
        foreach (var hash in state.State.TokenHashes)
            await GrainFactory.GetGrain<ITokenGrain>(hash).RevokeAsync();
        state.State.TokenHashes.Clear();
        var token = TokenHashing.NewToken();
        await AddTokenAsync(token);
        return new IssuedToken(token, time.GetUtcNow().UtcDateTime, View());
    }

    public Task RegisterTokenAsync(string token) =>
        state.State.TokenHashes.Contains(TokenHashing.Hash(token)) ? Task.CompletedTask : AddTokenAsync(token);

    public async Task SetCustomerRoleAsync(Guid customerId, CustomerRole? role, DateTime? expiresAt = null)
    {
        if (role is null) state.State.CustomerRoles.Remove(customerId);
        else state.State.CustomerRoles[customerId] = role.Value;
        if (role is not null && expiresAt is { } at) state.State.CustomerRoleExpirations[customerId] = at;
        else state.State.CustomerRoleExpirations.Remove(customerId);
        await state.WriteStateAsync();
    }

    public Task<bool> ExistsAsync() => Task.FromResult(state.State.Exists);

    private async Task AddTokenAsync(string token)
    {
        var hash = TokenHashing.Hash(token);
        await GrainFactory.GetGrain<ITokenGrain>(hash).AssignAsync(
            new Caller(Id, state.State.IsStaff, state.State.IsSupport), state.State.TokenLifetimeSeconds);
        state.State.TokenHashes.Add(hash);
        while (state.State.TokenHashes.Count > MaxActiveTokens)
        {
            await GrainFactory.GetGrain<ITokenGrain>(state.State.TokenHashes[0]).RevokeAsync();
            state.State.TokenHashes.RemoveAt(0);
        }
        await state.WriteStateAsync();
    }

    private UserView View()
    {
        var now = time.GetUtcNow();
        var roles = state.State.CustomerRoles
            .Where(r => RoleExpiry.Counts(state.State.CustomerRoleExpirations.TryGetValue(r.Key, out var at) ? at : null, now))
            .ToDictionary(r => r.Key, r => r.Value);
        return new UserView(
            Id, state.State.Username, state.State.FullName, state.State.Email, state.State.IsStaff, state.State.IsSupport,
            state.State.Created, roles, state.State.FirstName, state.State.LastName, state.State.TokenLifetimeSeconds);
    }
}

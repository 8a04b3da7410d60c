using ComplianceGrains.Catalog;
using ComplianceGrains.Domain;
using ComplianceGrains.Errors;
using ComplianceGrains.Identity;

namespace ComplianceGrains.Marketplace;

[GenerateSerializer]
public sealed class CustomerState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public Guid? ServiceProviderId { get; set; }
    [Id(3)] public DateTime Created { get; set; }
    [Id(4)] public Dictionary<Guid, CustomerRole> Members { get; set; } = [];
    [Id(5)] public Dictionary<Guid, DateTime> RoleExpirations { get; set; } = [];
}

public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Main)] IPersistentState<CustomerState> state,
    TimeProvider time) : Grain, ICustomerGrain
{
    private Guid Id => this.GetPrimaryKey();

    public async Task<CustomerView> CreateAsync(Caller caller, string name)
    {
        if (!caller.IsStaff) throw new PermissionDeniedException();
        TextGuard.Require(("name", name));
        if (state.State.Exists) throw ValidationException.NonField("Customer already exists.");
        state.State = new CustomerState { Exists = true, Name = name, Created = DateTime.UtcNow };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(CatalogNames.Customers).AddAsync(Id);
        return View();
    }

    public Task<CustomerView> GetAsync(Caller caller)
    {
        EnsureVisible(caller);
        return Task.FromResult(View());
    }

    public async Task AddUserAsync(Caller caller, Guid userId, CustomerRole role, DateTime? expiresAt = null)
    {
        EnsureOwnerOrStaff(caller);
        if (expiresAt is { } at && !RoleExpiry.Counts(at, time.GetUtcNow()))
            throw ValidationException.Field("expiration_time", "Expiration time should be greater than current time.");
        if (!await GrainFactory.GetGrain<IUserGrain>(userId).ExistsAsync())
            throw ValidationException.Field("user", $"Object with uuid={userId:N} does not exist.");
        state.State.Members[userId] = role;
        if (expiresAt is { } expiry) state.State.RoleExpirations[userId] = expiry;
        else state.State.RoleExpirations.Remove(userId);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IUserGrain>(userId).SetCustomerRoleAsync(Id, role, expiresAt);
    }

    public async Task RemoveUserAsync(Caller caller, Guid userId)
    {
        EnsureOwnerOrStaff(caller);
        if (!state.State.Members.Remove(userId))
            throw ValidationException.Field("user", "The user has no role in this customer.");
        state.State.RoleExpirations.Remove(userId);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IUserGrain>(userId).SetCustomerRoleAsync(Id, null);
    }

    public Task<bool> HasPermissionAsync(Caller caller, Permission permission) =>
        Task.FromResult(caller.IsStaff
            || (ActiveRole(caller.UserId) is { } role && CustomerPermissions.Grants(role, permission)));

    public Task<bool> IsMemberAsync(Caller caller) => Task.FromResult(ActiveRole(caller.UserId) is not null);

    /// <summary>The user's role while it counts: expired roles grant nothing.</summary>
    private CustomerRole? ActiveRole(Guid userId) =>
        state.State.Members.TryGetValue(userId, out var role)
        && RoleExpiry.Counts(state.State.RoleExpirations.TryGetValue(userId, out var at) ? at : null, time.GetUtcNow())
            ? role
            : null;

    public async Task<bool> AttachServiceProviderAsync(Guid serviceProviderId)
    {
        if (state.State.ServiceProviderId is { } existing) return existing == serviceProviderId;
        state.State.ServiceProviderId = serviceProviderId;
        await state.WriteStateAsync();
        return true;
    }

    private void EnsureVisible(Caller caller)
    {
        if (!state.State.Exists || !(caller.CanReadEverything || ActiveRole(caller.UserId) is not null))
            throw new NotFoundException();
    }

    private void EnsureOwnerOrStaff(Caller caller)
    {
        EnsureVisible(caller);
        var isOwner = ActiveRole(caller.UserId) == CustomerRole.Owner;
        if (!(caller.IsStaff || isOwner)) throw new PermissionDeniedException();
    }

    private CustomerView View() => new(
        Id, state.State.Name, state.State.ServiceProviderId, state.State.Created,
        new Dictionary<Guid, CustomerRole>(state.State.Members));
}

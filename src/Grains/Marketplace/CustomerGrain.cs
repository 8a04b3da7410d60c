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
}

public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Main)] IPersistentState<CustomerState> state) : Grain, ICustomerGrain
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

    public async Task AddUserAsync(Caller caller, Guid userId, CustomerRole role)
    {
        EnsureOwnerOrStaff(caller);
        if (!await GrainFactory.GetGrain<IUserGrain>(userId).ExistsAsync())
            throw ValidationException.Field("user", $"Object with uuid={userId:N} does not exist.");
        state.State.Members[userId] = role;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IUserGrain>(userId).SetCustomerRoleAsync(Id, role);
    }

    public async Task RemoveUserAsync(Caller caller, Guid userId)
    {
        EnsureOwnerOrStaff(caller);
        if (!state.State.Members.Remove(userId))
            throw ValidationException.Field("user", "The user has no role in this customer.");
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IUserGrain>(userId).SetCustomerRoleAsync(Id, null);
    }

    public Task<bool> HasPermissionAsync(Caller caller, Permission permission) =>
        Task.FromResult(caller.IsStaff
            || (state.State.Members.TryGetValue(caller.UserId, out var role) && CustomerPermissions.Grants(role, permission)));

    public Task<bool> IsMemberAsync(Caller caller) => Task.FromResult(state.State.Members.ContainsKey(caller.UserId));

    public async Task<bool> AttachServiceProviderAsync(Guid serviceProviderId)
    {
        if (state.State.ServiceProviderId is { } existing) return existing == serviceProviderId;
        state.State.ServiceProviderId = serviceProviderId;
        await state.WriteStateAsync();
        return true;
    }

    private void EnsureVisible(Caller caller)
    {
        if (!state.State.Exists || !(caller.CanReadEverything || state.State.Members.ContainsKey(caller.UserId)))
            throw new NotFoundException();
    }

    private void EnsureOwnerOrStaff(Caller caller)
    {
        EnsureVisible(caller);
        var isOwner = state.State.Members.TryGetValue(caller.UserId, out var role) && role == CustomerRole.Owner;
        if (!(caller.IsStaff || isOwner)) throw new PermissionDeniedException();
    }

    private CustomerView View() => new(
        Id, state.State.Name, state.State.ServiceProviderId, state.State.Created,
        new Dictionary<Guid, CustomerRole>(state.State.Members));
}

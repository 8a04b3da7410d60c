using ComplianceGrains.Catalog;
using ComplianceGrains.Checklists;
using ComplianceGrains.Errors;
using ComplianceGrains.Identity;

namespace ComplianceGrains.Marketplace;

[GenerateSerializer]
public sealed class OfferingState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string Description { get; set; } = "";
    [Id(3)] public Guid CustomerId { get; set; }
    [Id(4)] public string CustomerName { get; set; } = "";
    [Id(5)] public Guid ServiceProviderId { get; set; }
    [Id(6)] public string State { get; set; } = OfferingStates.Active;
    [Id(7)] public Guid? ChecklistId { get; set; }
    [Id(8)] public DateTime Created { get; set; }
    /// <summary>Offering users by user id: an offering has at most one offering user per user.</summary>
    [Id(9)] public Dictionary<Guid, Guid> OfferingUsers { get; set; } = [];
}

public sealed class OfferingGrain(
    [PersistentState("offering", StorageNames.Main)] IPersistentState<OfferingState> state) : Grain, IOfferingGrain
{
    private Guid Id => this.GetPrimaryKey();

    public async Task<OfferingView> CreateAsync(Caller caller, NewOffering offering)
    {
        if (state.State.Exists) throw ValidationException.NonField("Offering already exists.");
        var customerGrain = GrainFactory.GetGrain<ICustomerGrain>(offering.CustomerId);
        CustomerView customer;
        try
        {
            customer = await customerGrain.GetAsync(caller);
        }
        catch (NotFoundException)
        {
            throw ValidationException.Field("customer", $"Object with uuid={offering.CustomerId:N} does not exist.");
        }
        if (!await customerGrain.HasPermissionAsync(caller, Permission.OfferingUpdateOptions)) throw new PermissionDeniedException();
        if (customer.ServiceProviderId is not { } providerId)
            throw ValidationException.Field("customer", "The customer is not a service provider.");
        if (offering.ChecklistId is { } checklistId) await EnsureComplianceChecklistAsync(checklistId);

        state.State = new OfferingState
        {
            Exists = true,
            Name = offering.Name,
            Description = offering.Description,
            CustomerId = customer.Id,
            CustomerName = customer.Name,
            ServiceProviderId = providerId,
            ChecklistId = offering.ChecklistId,
            Created = DateTime.UtcNow,
        };
        await state.WriteStateAsync();
        if (offering.ChecklistId is { } used) await GrainFactory.GetGrain<IChecklistGrain>(used).AddOfferingUseAsync(Id);
        await GrainFactory.GetGrain<IServiceProviderGrain>(providerId).AddOfferingAsync(Id);
        await GrainFactory.GetGrain<ICatalogGrain>(CatalogNames.Offerings).AddAsync(Id);
        return await ViewAsync();
    }

    public async Task<OfferingView> GetAsync(Caller caller)
    {
        await EnsureVisibleAsync(caller);
        return await ViewAsync();
    }

    public Task<OfferingView> GetPublicAsync()
    {
        if (!state.State.Exists) throw new NotFoundException();
        return ViewAsync();
    }

    public async Task<OfferingView> ArchiveAsync(Caller caller)
    {
        await EnsurePermissionAsync(caller, Permission.OfferingUpdateOptions);
        state.State.State = OfferingStates.Archived;
        await state.WriteStateAsync();
        return await ViewAsync();
    }

    public async Task<Guid> AddOfferingUserAsync(Caller caller, Guid offeringUserId, Guid userId)
    {
        await EnsurePermissionAsync(caller, Permission.OfferingUpdateUser);
        if (state.State.OfferingUsers.TryGetValue(userId, out var existing))
        {
            if (existing == offeringUserId) return existing;
            throw ValidationException.NonField("The fields offering, user must make a unique set.");
        }
        state.State.OfferingUsers[userId] = offeringUserId;
        await state.WriteStateAsync();
        return offeringUserId;
    }

    public Task<Guid?> GetChecklistIdAsync() => Task.FromResult(state.State.ChecklistId);

    public async Task RemoveOfferingUserAsync(Guid offeringUserId, Guid userId)
    {
        if (!state.State.OfferingUsers.TryGetValue(userId, out var existing) || existing != offeringUserId) return;
        state.State.OfferingUsers.Remove(userId);
        await state.WriteStateAsync();
    }

    private async Task EnsureComplianceChecklistAsync(Guid checklistId)
    {
        var checklist = await GrainFactory.GetGrain<IChecklistGrain>(checklistId).FindAsync();
        if (checklist is null || checklist.ChecklistType != ChecklistTypes.OfferingCompliance)
            throw ValidationException.Field("compliance_checklist", $"Object with uuid={checklistId:N} does not exist.");
    }

    private async Task EnsureVisibleAsync(Caller caller)
    {
        if (!state.State.Exists) throw new NotFoundException();
        if (caller.CanReadEverything) return;
        if (!caller.IsAuthenticated || !await GrainFactory.GetGrain<ICustomerGrain>(state.State.CustomerId).IsMemberAsync(caller))
            throw new NotFoundException();
    }

    private async Task EnsurePermissionAsync(Caller caller, Permission permission)
    {
        await EnsureVisibleAsync(caller);
        if (!await GrainFactory.GetGrain<ICustomerGrain>(state.State.CustomerId).HasPermissionAsync(caller, permission))
            throw new PermissionDeniedException();
    }

    private async Task<OfferingView> ViewAsync()
    {
        var s = state.State;
        var checklist = s.ChecklistId is { } id ? await GrainFactory.GetGrain<IChecklistGrain>(id).FindAsync() : null;
        return new OfferingView(
            Id, s.Name, s.Description, s.CustomerId, s.CustomerName, s.ServiceProviderId, s.State,
            s.ChecklistId, checklist?.Name, s.Created);
    }
}

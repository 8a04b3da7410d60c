using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Projections;

namespace ComplianceGrains.Marketplace;

[GenerateSerializer]
public sealed class OfferingUserState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public Guid OfferingId { get; set; }
    [Id(2)] public string OfferingName { get; set; } = "";
    [Id(3)] public Guid CustomerId { get; set; }
    [Id(4)] public Guid ServiceProviderId { get; set; }
    [Id(5)] public Guid UserId { get; set; }
    [Id(6)] public string UserUsername { get; set; } = "";
    [Id(7)] public string UserFullName { get; set; } = "";
    [Id(8)] public string UserEmail { get; set; } = "";
    [Id(9)] public string Username { get; set; } = "";
    [Id(10)] public string State { get; set; } = OfferingUserStates.Ok;
    [Id(11)] public bool IsRestricted { get; set; }
    [Id(12)] public DateTime Created { get; set; }
    [Id(13)] public DateTime Modified { get; set; }
    /// <summary>Grows with every change; the projection keeps only the newest version of a row.</summary>
    [Id(14)] public long Version { get; set; }
}

public sealed class OfferingUserGrain(
    [PersistentState("offering-user", StorageNames.Main)] IPersistentState<OfferingUserState> state,
    IOfferingUserProjection projection) : Grain, IOfferingUserGrain
{
    private Guid Id => this.GetPrimaryKey();

    public async Task<OfferingUserView> CreateAsync(Caller caller, Guid offeringId, Guid userId, string? username)
    {
        if (state.State.Exists) throw ValidationException.NonField("Offering user already exists.");
        var offeringGrain = GrainFactory.GetGrain<IOfferingGrain>(offeringId);
        OfferingView offering;
        try
        {
            offering = await offeringGrain.GetAsync(caller);
        }
        catch (NotFoundException)
        {
            throw ValidationException.Field("offering", $"Object with uuid={offeringId:N} does not exist.");
        }
        UserView user;
        try
        {
            user = await GrainFactory.GetGrain<IUserGrain>(userId).GetAsync(Caller.System);
        }
        catch (NotFoundException)
        {
            throw ValidationException.Field("user", $"Object with uuid={userId:N} does not exist.");
        }
        await offeringGrain.AddOfferingUserAsync(caller, Id, userId);

        var now = DateTime.UtcNow;
        state.State = new OfferingUserState
        {
            Exists = true,
            OfferingId = offering.Id,
            OfferingName = offering.Name,
            CustomerId = offering.CustomerId,
            ServiceProviderId = offering.ServiceProviderId,
            UserId = user.Id,
            UserUsername = user.Username,
            UserFullName = user.FullName,
            UserEmail = user.Email,
            Username = username ?? user.Username,
            Created = now,
            Modified = now,
        };
        return await SaveAndPublishAsync();
    }

    public async Task<OfferingUserView> GetAsync(Caller caller)
    {
        await EnsureVisibleAsync(caller);
        return await ViewAsync();
    }

    public async Task<OfferingUserView> UpdateAsync(Caller caller, OfferingUserChanges changes)
    {
        await EnsureCanManageAsync(caller);
        if (changes.Username is { } username) state.State.Username = username;
        if (changes.State is { } newState) state.State.State = newState;
        if (changes.IsRestricted is { } restricted) state.State.IsRestricted = restricted;
        state.State.Modified = DateTime.UtcNow;
        return await SaveAndPublishAsync();
    }

    public async Task DeleteAsync(Caller caller)
    {
        await EnsureCanManageAsync(caller);
        await GrainFactory.GetGrain<IOfferingGrain>(state.State.OfferingId).RemoveOfferingUserAsync(Id, state.State.UserId);
        await state.ClearStateAsync();
        state.State = new OfferingUserState();
        await projection.DeleteAsync(Id);
        DeactivateOnIdle();
    }

    private async Task EnsureVisibleAsync(Caller caller)
    {
        if (!state.State.Exists) throw new NotFoundException();
        if (caller.CanReadEverything || caller.UserId == state.State.UserId) return;
        if (!caller.IsAuthenticated || !await Customer.IsMemberAsync(caller)) throw new NotFoundException();
    }

    private async Task EnsureCanManageAsync(Caller caller)
    {
        await EnsureVisibleAsync(caller);
        if (!await Customer.HasPermissionAsync(caller, Permission.OfferingUpdateUser)) throw new PermissionDeniedException();
    }

    private ICustomerGrain Customer => GrainFactory.GetGrain<ICustomerGrain>(state.State.CustomerId);

    private async Task<OfferingUserView> SaveAndPublishAsync()
    {
        state.State.Version++;
        await state.WriteStateAsync();
        var view = await ViewAsync();
        await projection.UpsertAsync(view, state.State.Version);
        return view;
    }

    private async Task<OfferingUserView> ViewAsync()
    {
        var s = state.State;
        var checklistId = await GrainFactory.GetGrain<IOfferingGrain>(s.OfferingId).GetChecklistIdAsync();
        return new OfferingUserView(
            Id, s.OfferingId, s.OfferingName, s.CustomerId, s.ServiceProviderId, s.UserId, s.UserUsername, s.UserFullName,
            s.UserEmail, s.Username, s.State, s.IsRestricted, checklistId is not null, s.Created, s.Modified);
    }
}

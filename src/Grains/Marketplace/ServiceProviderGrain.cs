using ComplianceGrains.Catalog;
using ComplianceGrains.Checklists;
using ComplianceGrains.Compliance;
using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Projections;

namespace ComplianceGrains.Marketplace;

[GenerateSerializer]
public sealed class ServiceProviderState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public Guid CustomerId { get; set; }
    [Id(2)] public string CustomerName { get; set; } = "";
    [Id(3)] public string Description { get; set; } = "";
    [Id(4)] public DateTime Created { get; set; }
    [Id(5)] public List<Guid> OfferingIds { get; set; } = [];
}

public sealed class ServiceProviderGrain(
    [PersistentState("provider", StorageNames.Main)] IPersistentState<ServiceProviderState> state,
    IComplianceProjection projection,
    TimeProvider clock) : Grain, IServiceProviderGrain
{
    /// <summary>Rebuilt from the projection on activation and fed by snapshots after that, so it never drifts.</summary>
    private readonly ComplianceCounters _counters = new();

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var count in await projection.CountsForProviderAsync(Id)) _counters.Apply(count);
    }

    public async Task<ServiceProviderView> CreateAsync(Caller caller, Guid customerId, string description)
    {
        TextGuard.Require(("description", description));
        if (state.State.Exists) throw ValidationException.NonField("Service provider already exists.");
        var customerGrain = GrainFactory.GetGrain<ICustomerGrain>(customerId);
        var customer = await ReferencedObject.GetAsync("customer", customerId, () => customerGrain.GetAsync(caller));
        var isOwner = customer.Members.TryGetValue(caller.UserId, out var role) && role == CustomerRole.Owner;
        if (!(caller.IsStaff || isOwner)) throw new PermissionDeniedException();
        if (!await customerGrain.AttachServiceProviderAsync(Id))
            throw ValidationException.Field("customer", "This customer already has a service provider.");

        state.State = new ServiceProviderState
        {
            Exists = true,
            CustomerId = customerId,
            CustomerName = customer.Name,
            Description = description,
            Created = DateTime.UtcNow,
        };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(CatalogNames.ServiceProviders).AddAsync(Id);
        return View();
    }

    public Task<ServiceProviderView> GetAsync(Caller caller)
    {
        if (!state.State.Exists || !caller.IsAuthenticated) throw new NotFoundException();
        return Task.FromResult(View());
    }

    public async Task AddOfferingAsync(Guid offeringId)
    {
        if (state.State.OfferingIds.Contains(offeringId)) return;
        state.State.OfferingIds.Add(offeringId);
        await state.WriteStateAsync();
    }

    public Task ApplyCountsAsync(IReadOnlyList<ComplianceCount> counts)
    {
        foreach (var count in counts) _counters.Apply(count);
        return Task.CompletedTask;
    }

    public async Task EnsureCanMonitorAsync(Caller caller)
    {
        if (!state.State.Exists || !caller.IsAuthenticated) throw new NotFoundException();
        if (caller.CanReadEverything) return;
        if (!await GrainFactory.GetGrain<ICustomerGrain>(state.State.CustomerId).HasPermissionAsync(caller, Permission.ServiceProviderListCustomers))
            throw new PermissionDeniedException();
    }

    public async Task<IReadOnlyList<OfferingComplianceOverview>> GetComplianceOverviewAsync(Caller caller)
    {
        await EnsureCanMonitorAsync(caller);
        return Overview(await OfferingsAsync());
    }

    public async Task<IReadOnlyList<ChecklistUsage>> GetChecklistsSummaryAsync(Caller caller)
    {
        await EnsureCanMonitorAsync(caller);
        return await ChecklistsSummaryAsync(await OfferingsAsync());
    }

    public async Task<ProviderDashboard> GetDashboardAsync(Caller caller)
    {
        await EnsureCanMonitorAsync(caller);
        var offerings = await OfferingsAsync();
        return new ProviderDashboard(View(), Overview(offerings), await ChecklistsSummaryAsync(offerings));
    }

    private IReadOnlyList<OfferingComplianceOverview> Overview(OfferingView[] offerings)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return offerings
            .Select(o =>
            {
                var c = _counters.For(o.Id, o.ChecklistId, now);
                return new OfferingComplianceOverview(
                    o.Id, o.Name, o.ChecklistName, c.Total, c.WithCompletion, c.Completed, c.Overdue, c.Expiring);
            })
            .OrderBy(row => row.OfferingName, StringComparer.Ordinal)
            .ThenBy(row => row.OfferingId)
            .ToList();
    }

    private async Task<IReadOnlyList<ChecklistUsage>> ChecklistsSummaryAsync(OfferingView[] offerings)
    {
        var usage = offerings
            .Where(o => o.ChecklistId is not null)
            .GroupBy(o => o.ChecklistId!.Value)
            .Select(async group =>
            {
                var checklist = await GrainFactory.GetGrain<IChecklistGrain>(group.Key).FindAsync();
                return checklist is null ? null : new ChecklistUsage(checklist.Id, checklist.Name, checklist.QuestionsCount, group.Count());
            });
        return (await Task.WhenAll(usage))
            .OfType<ChecklistUsage>()
            .OrderByDescending(u => u.OfferingsCount)
            .ThenBy(u => u.ChecklistName, StringComparer.Ordinal)
            .ToList();
    }

    private Task<OfferingView[]> OfferingsAsync() =>
        Task.WhenAll(state.State.OfferingIds.Select(id => GrainFactory.GetGrain<IOfferingGrain>(id).GetPublicAsync()));

    private ServiceProviderView View() => new(
        Id, state.State.CustomerId, state.State.CustomerName, state.State.Description, state.State.Created,
        state.State.OfferingIds.ToArray());
}

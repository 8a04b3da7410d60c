using ComplianceGrains.Catalog;
using ComplianceGrains.Errors;
using ComplianceGrains.Identity;

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
    [PersistentState("provider", StorageNames.Main)] IPersistentState<ServiceProviderState> state) : Grain, IServiceProviderGrain
{
    private Guid Id => this.GetPrimaryKey();

    public async Task<ServiceProviderView> CreateAsync(Caller caller, Guid customerId, string description)
    {
        if (state.State.Exists) throw ValidationException.NonField("Service provider already exists.");
        var customerGrain = GrainFactory.GetGrain<ICustomerGrain>(customerId);
        CustomerView customer;
        try
        {
            customer = await customerGrain.GetAsync(caller);
        }
        catch (NotFoundException)
        {
            throw ValidationException.Field("customer", $"Object with uuid={customerId:N} does not exist.");
        }
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

    private ServiceProviderView View() => new(
        Id, state.State.CustomerId, state.State.CustomerName, state.State.Description, state.State.Created,
        state.State.OfferingIds.ToArray());
}

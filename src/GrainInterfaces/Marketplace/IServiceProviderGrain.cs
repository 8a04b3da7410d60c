namespace ComplianceGrains.Marketplace;

/// <summary>A service provider: its customer, its offerings.</summary>
public interface IServiceProviderGrain : IGrainWithGuidKey
{
    Task<ServiceProviderView> CreateAsync(Caller caller, Guid customerId, string description);

    Task<ServiceProviderView> GetAsync(Caller caller);

    Task AddOfferingAsync(Guid offeringId);
}

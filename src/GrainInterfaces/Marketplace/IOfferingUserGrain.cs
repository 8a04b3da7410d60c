namespace ComplianceGrains.Marketplace;

/// <summary>One offering user: its account on an offering (and, later, its compliance completions).</summary>
public interface IOfferingUserGrain : IGrainWithGuidKey
{
    Task<OfferingUserView> CreateAsync(Caller caller, Guid offeringId, Guid userId, string? username);

    Task<OfferingUserView> GetAsync(Caller caller);

    Task<OfferingUserView> UpdateAsync(Caller caller, OfferingUserChanges changes);

    Task DeleteAsync(Caller caller);
}

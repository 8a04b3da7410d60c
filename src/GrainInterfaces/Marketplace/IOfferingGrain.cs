namespace ComplianceGrains.Marketplace;

/// <summary>An offering: its data, its compliance checklist and its offering users.</summary>
public interface IOfferingGrain : IGrainWithGuidKey
{
    Task<OfferingView> CreateAsync(Caller caller, NewOffering offering);

    /// <summary>The offering as its provider sees it: staff, support and members of its customer.</summary>
    Task<OfferingView> GetAsync(Caller caller);

    /// <summary>The offering as anyone sees it in the public catalogue.</summary>
    Task<OfferingView> GetPublicAsync();

    Task<OfferingView> ArchiveAsync(Caller caller);

    /// <summary>
    /// Registers the user on the offering and returns the new offering user's id;
    /// a second registration of the same user is a validation error.
    /// </summary>
    Task<Guid> AddOfferingUserAsync(Caller caller, Guid offeringUserId, Guid userId);

    /// <summary>The offering's compliance checklist, if any.</summary>
    [AlwaysInterleave]
    Task<Guid?> GetChecklistIdAsync();

    /// <summary>Forgets the offering user (called when it is deleted).</summary>
    Task RemoveOfferingUserAsync(Guid offeringUserId, Guid userId);
}

namespace ComplianceGrains.Marketplace;

/// <summary>
/// The offering users of each offering, one per (offering, user). Kept in a table rather than in the offering's
/// state, so that adding the hundred-thousandth offering user costs what adding the first did, and the lifecycle
/// job reads them a batch at a time.
/// </summary>
public interface IOfferingMemberStore
{
    /// <summary>Registers the offering user; returns the offering user the user already has on the offering, if any.</summary>
    Task<Guid?> TryAddAsync(Guid offeringId, Guid userId, Guid offeringUserId);

    Task RemoveAsync(Guid offeringId, Guid userId, Guid offeringUserId);

    Task<int> CountAsync(Guid offeringId);

    /// <summary>Offering users in the store's own stable order, after <paramref name="after"/> (from the start when null).</summary>
    Task<IReadOnlyList<Guid>> NextAsync(Guid offeringId, Guid? after, int limit);
}

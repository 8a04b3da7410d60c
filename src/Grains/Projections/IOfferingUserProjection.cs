using ComplianceGrains.Marketplace;

namespace ComplianceGrains.Projections;

/// <summary>Which offering users a caller may see (API.md §7).</summary>
public sealed record OfferingUserVisibility(bool All, Guid UserId, IReadOnlySet<Guid> CustomerIds)
{
    public bool Allows(OfferingUserView row) => All || row.UserId == UserId || CustomerIds.Contains(row.CustomerId);
}

/// <summary>
/// The query projection: one row per offering user, fed by the offering-user grains, serving the
/// paginated and filtered lists. A row is replaced only by a newer version, so repeats and reordering are harmless.
/// </summary>
public interface IOfferingUserProjection
{
    Task UpsertAsync(OfferingUserView row, long version);

    Task DeleteAsync(Guid offeringUserId);

    Task<Page<OfferingUserView>> QueryAsync(OfferingUserVisibility visibility, OfferingUserFilter filter, PageRequest page);
}

using ComplianceGrains.Compliance;

namespace ComplianceGrains.Projections;

/// <summary>Which offering users a caller may see (API.md §7).</summary>
public sealed record OfferingUserVisibility(bool All, Guid UserId, IReadOnlySet<Guid> CustomerIds)
{
    public bool Allows(OfferingUserSnapshot row) =>
        All || row.OfferingUser.UserId == UserId || CustomerIds.Contains(row.OfferingUser.CustomerId);
}

/// <summary>
/// The query projection: one row per offering user (the newest snapshot its grain published), serving the
/// paginated, filtered lists. A row is replaced only by a newer version, so repeats and reordering are harmless.
/// </summary>
public interface IComplianceProjection
{
    Task UpsertAsync(OfferingUserSnapshot snapshot);

    Task<Page<OfferingUserSnapshot>> ListOfferingUsersAsync(OfferingUserVisibility visibility, OfferingUserFilter filter, PageRequest page);

    /// <summary>Rows of a provider's offerings, ordered by offering name then user full name.</summary>
    Task<Page<OfferingUserSnapshot>> ListProviderOfferingUsersAsync(Guid serviceProviderId, ProviderOfferingUserFilter filter, PageRequest page);

    /// <summary>Rows that have a current completion.</summary>
    Task<Page<OfferingUserSnapshot>> ListCompletionsAsync(OfferingUserVisibility visibility, CompletionFilter filter, PageRequest page);

    Task<OfferingUserSnapshot?> FindByCompletionAsync(Guid completionId);

    /// <summary>The counts of every offering user of a provider, to rebuild its counters.</summary>
    Task<IReadOnlyList<ComplianceCount>> CountsForProviderAsync(Guid serviceProviderId);
}

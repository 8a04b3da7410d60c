namespace ComplianceGrains.Compliance;

/// <summary>Filters of the offering users list; null means no filter.</summary>
[GenerateSerializer, Immutable]
public sealed record OfferingUserFilter(
    [property: Id(0)] Guid? OfferingId,
    [property: Id(1)] Guid? UserId);

/// <summary>
/// Filters of a provider's offering_users/ and export/. <see cref="Search"/> matches a part of the user's full name or
/// e-mail address, ignoring case; <see cref="Descending"/> reverses the list order (offering name, user full name).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ProviderOfferingUserFilter(
    [property: Id(0)] Guid? OfferingId,
    [property: Id(1)] string? ComplianceStatus,
    [property: Id(2)] string? Search = null,
    [property: Id(3)] bool Descending = false,
    [property: Id(4)] bool? IsOverdue = null);

/// <summary>Filters and ordering of the completions list (API.md §6).</summary>
[GenerateSerializer, Immutable]
public sealed record CompletionFilter(
    [property: Id(0)] Guid? UserId,
    [property: Id(1)] Guid? OfferingId,
    [property: Id(2)] bool? IsCompleted,
    [property: Id(3)] IReadOnlyList<string> Ordering,
    [property: Id(4)] bool? IsOverdue = null);

/// <summary>Read-side queries, served from the query projection and filtered by what the caller may see.</summary>
public interface IProjectionQueryGrain : IGrainWithIntegerKey
{
    Task<Page<OfferingUserSnapshot>> ListOfferingUsersAsync(Caller caller, OfferingUserFilter filter, PageRequest page);

    Task<Page<OfferingUserSnapshot>> ListProviderOfferingUsersAsync(
        Caller caller, Guid serviceProviderId, ProviderOfferingUserFilter filter, PageRequest page);

    Task<Page<OfferingUserSnapshot>> ListCompletionsAsync(Caller caller, CompletionFilter filter, PageRequest page);

    Task<OfferingUserSnapshot> GetCompletionAsync(Caller caller, Guid completionId);

    /// <summary>A provider's compliance events, newest first (API.md §10 events/).</summary>
    Task<Page<ComplianceEvent>> ListEventsAsync(Caller caller, Guid serviceProviderId, ComplianceEventFilter filter, PageRequest page);
}

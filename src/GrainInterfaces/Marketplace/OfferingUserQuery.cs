namespace ComplianceGrains.Marketplace;

/// <summary>Filters of the offering users list; null means no filter.</summary>
[GenerateSerializer, Immutable]
public sealed record OfferingUserFilter(
    [property: Id(0)] Guid? OfferingId,
    [property: Id(1)] Guid? UserId);

/// <summary>One page of a list, with the total number of rows that matched.</summary>
[GenerateSerializer, Immutable]
public sealed record Page<T>(
    [property: Id(0)] IReadOnlyList<T> Items,
    [property: Id(1)] int TotalCount);

/// <summary>A page request: 0-based offset and a row count.</summary>
[GenerateSerializer, Immutable]
public sealed record PageRequest(
    [property: Id(0)] int Offset,
    [property: Id(1)] int Limit);

/// <summary>Serves offering-user lists from the query projection, filtered by what the caller may see.</summary>
public interface IOfferingUserQueryGrain : IGrainWithIntegerKey
{
    Task<Page<OfferingUserView>> ListAsync(Caller caller, OfferingUserFilter filter, PageRequest page);
}

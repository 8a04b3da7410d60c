namespace ComplianceGrains;

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

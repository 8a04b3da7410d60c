namespace ComplianceGrains.Marketplace;

[GenerateSerializer, Immutable]
public sealed record ServiceProviderView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid CustomerId,
    [property: Id(2)] string CustomerName,
    [property: Id(3)] string Description,
    [property: Id(4)] DateTime Created,
    [property: Id(5)] IReadOnlyList<Guid> OfferingIds);

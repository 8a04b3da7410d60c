using ComplianceGrains.Identity;

namespace ComplianceGrains.Marketplace;

[GenerateSerializer, Immutable]
public sealed record CustomerView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] Guid? ServiceProviderId,
    [property: Id(3)] DateTime Created,
    [property: Id(4)] IReadOnlyDictionary<Guid, CustomerRole> Members);

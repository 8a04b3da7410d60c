namespace ComplianceGrains.Identity;

[GenerateSerializer, Immutable]
public sealed record UserView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Username,
    [property: Id(2)] string FullName,
    [property: Id(3)] string Email,
    [property: Id(4)] bool IsStaff,
    [property: Id(5)] bool IsSupport,
    [property: Id(6)] DateTime Created,
    [property: Id(7)] IReadOnlyDictionary<Guid, CustomerRole> CustomerRoles)
{
    /// <summary>Tokens expire after this many seconds without a request (Waldur's <c>token_lifetime</c>); null: never.</summary>
    [Id(8)] public int? TokenLifetimeSeconds { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record NewUser(
    [property: Id(0)] string Username,
    [property: Id(1)] string FullName,
    [property: Id(2)] string Email,
    [property: Id(3)] string? Password,
    [property: Id(4)] bool IsStaff,
    [property: Id(5)] bool IsSupport)
{
    [Id(6)] public int? TokenLifetimeSeconds { get; init; }
}

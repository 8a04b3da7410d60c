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
    [property: Id(7)] IReadOnlyDictionary<Guid, CustomerRole> CustomerRoles,
    [property: Id(8)] string FirstName,
    [property: Id(9)] string LastName,
    [property: Id(10)] int? TokenLifetimeSeconds);

[GenerateSerializer, Immutable]
public sealed record NewUser(
    [property: Id(0)] string Username,
    [property: Id(1)] string FullName,
    [property: Id(2)] string Email,
    [property: Id(3)] string? Password,
    [property: Id(4)] bool IsStaff,
    [property: Id(5)] bool IsSupport,
    [property: Id(6)] string FirstName = "",
    [property: Id(7)] string LastName = "",
    [property: Id(8)] int? TokenLifetimeSeconds = null);

/// <summary>A freshly issued token with the user it belongs to (the body of <c>refresh_token/</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record IssuedToken(
    [property: Id(0)] string Token,
    [property: Id(1)] DateTime Created,
    [property: Id(2)] UserView User);

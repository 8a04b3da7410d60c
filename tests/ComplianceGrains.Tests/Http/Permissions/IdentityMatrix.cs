using ComplianceGrains.Tests.Support;
using static ComplianceGrains.Tests.Http.Permissions.MatrixEndpoint;

namespace ComplianceGrains.Tests.Http.Permissions;

/// <summary>Matrix rows of API.md §1: login, users and customers.</summary>
public static class IdentityMatrix
{
    /// <summary>Only staff and the owner may change a customer's members; other readers 403, others 404.</summary>
    private static readonly Expected CustomerMembership = new(200, 403, 200, 403, 403, 404, 404, 401);

    /// <summary>Adding a member answers 201, as Waldur does.</summary>
    private static readonly Expected CustomerMembershipCreated = new(201, 403, 201, 403, 403, 404, 404, 401);

    /// <summary>Another user: staff and global support see them, others do not; only staff may act on them.</summary>
    private static readonly Expected OtherUserRead = new(200, 200, 404, 404, 404, 404, 404, 401);

    private static readonly Expected OtherUserWrite = new(200, 403, 404, 404, 404, 404, 404, 401);

    public static IReadOnlyList<MatrixEndpoint> Endpoints { get; } =
    [
        Of("POST", "/api-auth/password/", Expected.Everyone(200),
            w => new MatrixRequest("/api-auth/password/", new { username = w.LoginUsername, password = "secret-password" })),
        Of("GET", "/api/users/me/", Expected.AnyUser(200)),

        Of("POST", "/api/users/", Expected.StaffOnly(201),
            _ => new MatrixRequest("/api/users/", new { username = ApiWorld.Unique("user") })),
        Of("GET", "/api/users/", Expected.AnyUser(200)),
        new("GET", "/api/users/{own uuid}/", Expected.AnyUser(200),
            (w, caller) => Task.FromResult(new MatrixRequest($"/api/users/{caller?.Id ?? w.Bystander}/"))),
        Of("GET", "/api/users/{other user}/", OtherUserRead, w => new MatrixRequest($"/api/users/{w.Bystander}/")),
        Of("POST", "/api/users/{other user}/refresh_token/", OtherUserWrite,
            async w => new MatrixRequest($"/api/users/{await w.Api.CreateUserRecordAsync()}/refresh_token/")),

        Of("POST", "/api/customers/", Expected.StaffOnly(201),
            _ => new MatrixRequest("/api/customers/", new { name = ApiWorld.Unique("customer") })),
        Of("GET", "/api/customers/", Expected.AnyUser(200)),
        Of("GET", "/api/customers/{customer}/", Expected.CustomerReaders(200), w => new MatrixRequest($"/api/customers/{w.Customer}/")),
        Of("POST", "/api/customers/{customer}/add_user/", CustomerMembershipCreated,
            async w => new MatrixRequest(
                $"/api/customers/{w.Customer}/add_user/", new { user = await w.Api.CreateUserRecordAsync(), role = "support" })),
        Of("POST", "/api/customers/{customer}/delete_user/", CustomerMembership,
            async w => new MatrixRequest($"/api/customers/{w.Customer}/delete_user/", new { user = await w.NewCustomerMemberAsync() })),
    ];
}

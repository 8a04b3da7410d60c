using ComplianceGrains.Tests.Support;
using static ComplianceGrains.Tests.Http.Permissions.MatrixEndpoint;

namespace ComplianceGrains.Tests.Http.Permissions;

/// <summary>Matrix rows of API.md §1: service providers, provider and public offerings, offering users.</summary>
public static class MarketplaceMatrix
{
    /// <summary>
    /// Creating an object under a customer named in the body. A caller who cannot see the customer (or offering)
    /// gets the field error "Object with uuid=… does not exist." (400), as Django REST Framework answers.
    /// </summary>
    private static Expected CreateUnder(int staff, int owner, int manager) => new(staff, 403, owner, manager, 403, 400, 400, 401);

    /// <summary>
    /// Reading an offering user: it is visible to the user themself, staff, global support and every customer role.
    /// </summary>
    private static readonly Expected OfferingUserRead = new(200, 200, 200, 200, 200, 200, 404, 401);

    /// <summary>Changing an offering user needs OFFERING.UPDATE_USER; those who only see it get 403.</summary>
    private static Expected OfferingUserWrite(int ok) => new(ok, 403, ok, ok, 403, 403, 404, 401);

    public static IReadOnlyList<MatrixEndpoint> Endpoints { get; } =
    [
        Of("POST", "/api/marketplace-service-providers/", CreateUnder(staff: 201, owner: 201, manager: 403),
            async w => new MatrixRequest("/api/marketplace-service-providers/", new { customer = await w.NewCustomerWithRolesAsync() })),
        Of("GET", "/api/marketplace-service-providers/", Expected.AnyUser(200)),
        Of("GET", "/api/marketplace-service-providers/{provider}/", Expected.AnyUser(200),
            w => new MatrixRequest($"/api/marketplace-service-providers/{w.Provider}/")),

        Of("POST", "/api/marketplace-provider-offerings/", CreateUnder(staff: 201, owner: 201, manager: 201),
            w => new MatrixRequest("/api/marketplace-provider-offerings/", new { name = ApiWorld.Unique("offering"), customer = w.Customer })),
        Of("GET", "/api/marketplace-provider-offerings/", Expected.AnyUser(200)),
        Of("GET", "/api/marketplace-provider-offerings/{offering}/", Expected.CustomerReaders(200),
            w => new MatrixRequest($"/api/marketplace-provider-offerings/{w.Offering}/")),
        Of("POST", "/api/marketplace-provider-offerings/{offering}/archive/", Expected.CustomerEditors(200),
            async w => new MatrixRequest($"/api/marketplace-provider-offerings/{await w.NewOfferingAsync()}/archive/")),

        Of("GET", "/api/marketplace-public-offerings/", Expected.Everyone(200)),
        Of("GET", "/api/marketplace-public-offerings/{offering}/", Expected.Everyone(200),
            w => new MatrixRequest($"/api/marketplace-public-offerings/{w.Offering}/")),

        Of("POST", "/api/marketplace-offering-users/", CreateUnder(staff: 201, owner: 201, manager: 201),
            async w => new MatrixRequest(
                "/api/marketplace-offering-users/", new { offering = w.Offering, user = await w.Api.CreateUserRecordAsync() })),
        Of("GET", "/api/marketplace-offering-users/", Expected.AnyUser(200)),
        Of("GET", "/api/marketplace-offering-users/{offering user}/", OfferingUserRead,
            w => new MatrixRequest($"/api/marketplace-offering-users/{w.OfferingUser}/")),
        Of("PATCH", "/api/marketplace-offering-users/{offering user}/", OfferingUserWrite(200),
            async w => new MatrixRequest(
                $"/api/marketplace-offering-users/{await w.NewOwnOfferingUserAsync()}/", new { username = ApiWorld.Unique("renamed") })),
        Of("DELETE", "/api/marketplace-offering-users/{offering user}/", OfferingUserWrite(204),
            async w => new MatrixRequest($"/api/marketplace-offering-users/{await w.NewOwnOfferingUserAsync()}/")),
    ];
}

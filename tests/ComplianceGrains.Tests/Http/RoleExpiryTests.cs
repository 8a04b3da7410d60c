using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>API.md §9: a role given with an expiration_time stops counting at that time.</summary>
public sealed class RoleExpiryTests(FakeClockApiFactory factory) : IClassFixture<FakeClockApiFactory>
{
    private readonly ApiWorld _world = new(factory);

    [Fact]
    public async Task An_expired_role_no_longer_shows_the_customer_or_grants_its_permissions()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var manager = await _world.CreateUserAsync();
        var expiry = factory.Clock.GetUtcNow().AddHours(1);
        (await _world.Admin.PostAsync($"/api/customers/{provider.Customer}/add_user/",
                new { user = manager.Id, role = "CUSTOMER.MANAGER", expiration_time = expiry.ToString("O") }))
            .Expect(HttpStatusCode.Created);
        var offering = $"/api/marketplace-provider-offerings/{provider.Offering}/";
        (await manager.Client.GetAsync(offering)).Expect(HttpStatusCode.OK);
        Assert.Contains(provider.Customer, (await manager.Client.GetAsync("/api/customers/")).Expect(HttpStatusCode.OK).Uuids());

        factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        (await manager.Client.GetAsync(offering)).Expect(HttpStatusCode.NotFound);
        (await manager.Client.GetAsync($"/api/customers/{provider.Customer}/")).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain(provider.Customer, (await manager.Client.GetAsync("/api/customers/")).Expect(HttpStatusCode.OK).Uuids());
        (await provider.Owner.Client.GetAsync(offering)).Expect(HttpStatusCode.OK);
    }
}

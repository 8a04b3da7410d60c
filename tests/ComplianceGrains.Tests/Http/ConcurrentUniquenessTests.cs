using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>The uniqueness rules of API.md §1 hold when the competing requests arrive at the same time.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrentUniquenessTests(ApiFactory factory)
{
    private const int Competitors = 8;

    private readonly ApiWorld _world = new(factory);

    /// <summary>Sends the same creation request concurrently; exactly one succeeds and every other is a 400.</summary>
    private async Task ExpectExactlyOneCreatedAsync(string path, object body)
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, Competitors).Select(_ => _world.Admin.PostAsync(path, body)));

        Assert.Single(responses, r => r.Status == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.Created), r => r.Expect(HttpStatusCode.BadRequest).ExpectJsonError());
    }

    [Fact]
    public async Task Concurrent_users_with_one_username_create_one_user() =>
        await ExpectExactlyOneCreatedAsync("/api/users/", new { username = ApiWorld.Unique("racer") });

    [Fact]
    public async Task Concurrent_providers_for_one_customer_create_one_provider() =>
        await ExpectExactlyOneCreatedAsync("/api/marketplace-service-providers/", new { customer = await _world.CreateCustomerAsync() });

    [Fact]
    public async Task Concurrent_offering_users_for_one_offering_and_user_create_one()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var user = await _world.CreateUserRecordAsync();

        await ExpectExactlyOneCreatedAsync("/api/marketplace-offering-users/", new { offering = provider.Offering, user });

        Assert.Single(await _world.Admin.ListAllUuidsAsync($"/api/marketplace-offering-users/?offering_uuid={provider.Offering}"));
    }
}

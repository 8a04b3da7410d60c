using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>Service providers (API.md §1).</summary>
[Collection(ApiCollection.Name)]
public sealed class ServiceProvidersTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    [Fact]
    public async Task A_provider_has_the_documented_fields_and_is_readable_by_any_user()
    {
        var customer = await _world.CreateCustomerAsync();
        var customerName = (await _world.Admin.GetAsync($"/api/customers/{customer}/")).Expect(HttpStatusCode.OK)["name"];

        var provider = (await _world.Admin.PostAsync("/api/marketplace-service-providers/", new { customer, description = "Clouds" }))
            .Expect(HttpStatusCode.Created);

        Assert.Equal($"http://localhost/api/marketplace-service-providers/{provider["uuid"]}/", provider["url"]);
        Assert.Equal(customer, provider["customer_uuid"]);
        Assert.Equal(customerName, provider["customer_name"]);
        Assert.Equal("Clouds", provider["description"]);
        var stranger = await _world.CreateUserAsync();
        var read = (await stranger.Client.GetAsync($"/api/marketplace-service-providers/{provider["uuid"]}/")).Expect(HttpStatusCode.OK);
        Assert.Equal(customer, read["customer_uuid"]);
    }

    [Fact]
    public async Task A_customer_has_at_most_one_provider()
    {
        var customer = await _world.CreateCustomerAsync();
        var first = await _world.CreateProviderAsync(customer);

        (await _world.Admin.PostAsync("/api/marketplace-service-providers/", new { customer })).ExpectFieldError("customer");

        var providers = await _world.Admin.ListAllAsync("/api/marketplace-service-providers/?page_size=300");
        Assert.Equal(new[] { first }, providers.Where(p => p["customer_uuid"]!.GetValue<string>() == customer).Select(p => p["uuid"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_customer_owner_creates_the_provider_of_their_customer()
    {
        var customer = await _world.CreateCustomerAsync();
        var owner = await _world.CreateUserAsync();
        await _world.AddRoleAsync(customer, owner, "owner");

        var provider = (await owner.Client.PostAsync("/api/marketplace-service-providers/", new { customer })).Expect(HttpStatusCode.Created);

        Assert.Equal(customer, provider["customer_uuid"]);
    }

    [Fact]
    public async Task An_unknown_customer_is_400()
    {
        var missing = Guid.NewGuid().ToString("N");
        (await _world.Admin.PostAsync("/api/marketplace-service-providers/", new { customer = missing }))
            .ExpectFieldError("customer", $"Object with uuid={missing} does not exist.");
    }
}

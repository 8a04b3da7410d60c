using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>Customers and their members (API.md §1).</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomersTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    [Fact]
    public async Task Staff_creates_a_customer_with_uuid_url_and_name()
    {
        var name = ApiWorld.Unique("customer");

        var customer = (await _world.Admin.PostAsync("/api/customers/", new { name })).Expect(HttpStatusCode.Created);

        Assert.Matches("^[0-9a-f]{32}$", customer["uuid"]);
        Assert.Equal($"http://localhost/api/customers/{customer["uuid"]}/", customer["url"]);
        Assert.Equal(name, customer["name"]);
    }

    [Fact]
    public async Task A_customer_without_a_name_is_400() =>
        (await _world.Admin.PostAsync("/api/customers/", new { })).ExpectFieldError("name", "This field is required.");

    [Fact]
    public async Task An_added_member_sees_the_customer_and_loses_it_after_delete_user()
    {
        var customer = await _world.CreateCustomerAsync();
        var user = await _world.CreateUserAsync();
        (await user.Client.GetAsync($"/api/customers/{customer}/")).Expect(HttpStatusCode.NotFound);

        (await _world.Admin.PostAsync($"/api/customers/{customer}/add_user/", new { user = user.Id, role = "manager" }))
            .Expect(HttpStatusCode.Created);

        (await user.Client.GetAsync($"/api/customers/{customer}/")).Expect(HttpStatusCode.OK);
        Assert.Contains(customer, (await user.Client.GetAsync("/api/customers/")).Expect(HttpStatusCode.OK).Uuids());

        (await _world.Admin.PostAsync($"/api/customers/{customer}/delete_user/", new { user = user.Id })).Expect(HttpStatusCode.OK);

        (await user.Client.GetAsync($"/api/customers/{customer}/")).ExpectDetail(HttpStatusCode.NotFound, "Not found.");
        Assert.DoesNotContain(customer, (await user.Client.GetAsync("/api/customers/")).Expect(HttpStatusCode.OK).Uuids());
    }

    [Fact]
    public async Task An_owner_manages_members_whose_roles_take_effect_on_the_offerings()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var newcomer = await _world.CreateUserAsync();
        var offeringPath = $"/api/marketplace-provider-offerings/{provider.Offering}/";

        (await provider.Owner.Client.PostAsync($"/api/customers/{provider.Customer}/add_user/", new { user = newcomer.Id, role = "manager" }))
            .Expect(HttpStatusCode.Created);
        (await newcomer.Client.GetAsync(offeringPath)).Expect(HttpStatusCode.OK);

        (await provider.Owner.Client.PostAsync($"/api/customers/{provider.Customer}/delete_user/", new { user = newcomer.Id }))
            .Expect(HttpStatusCode.OK);
        (await newcomer.Client.GetAsync(offeringPath)).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Adding_a_member_again_changes_their_role()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var offering = new { name = ApiWorld.Unique("offering"), customer = provider.Customer };
        (await provider.SupportRole.Client.PostAsync("/api/marketplace-provider-offerings/", offering)).Expect(HttpStatusCode.Forbidden);

        await _world.AddRoleAsync(provider.Customer, provider.SupportRole, "manager");

        (await provider.SupportRole.Client.PostAsync("/api/marketplace-provider-offerings/", offering)).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Add_user_validates_the_user_and_the_role()
    {
        var customer = await _world.CreateCustomerAsync();
        var user = await _world.CreateUserRecordAsync();
        var missing = Guid.NewGuid().ToString("N");
        var path = $"/api/customers/{customer}/add_user/";

        (await _world.Admin.PostAsync(path, new { user = missing, role = "owner" }))
            .ExpectFieldError("user", $"Object with uuid={missing} does not exist.");
        (await _world.Admin.PostAsync(path, new { user, role = "admin" })).ExpectFieldError("role");
        (await _world.Admin.PostAsync(path, new { user })).ExpectFieldError("role", "This field is required.");
        (await _world.Admin.PostAsync(path, new { user = "not-a-uuid", role = "owner" })).ExpectFieldError("user", "Must be a valid UUID.");
    }

    [Fact]
    public async Task Delete_user_of_a_non_member_is_400()
    {
        var customer = await _world.CreateCustomerAsync();
        var user = await _world.CreateUserRecordAsync();

        (await _world.Admin.PostAsync($"/api/customers/{customer}/delete_user/", new { user })).ExpectFieldError("user");
    }
}

using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>API.md §9: users, token refresh, roles and archiving answer as Waldur does.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdentityWireTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    [Fact]
    public async Task A_user_created_with_first_and_last_names_gets_the_full_name_from_them()
    {
        var username = ApiWorld.Unique("ada");
        var created = (await _world.Admin.PostAsync("/api/users/", new { username, first_name = "Ada", last_name = "Lovelace", token_lifetime = 3600 }))
            .Expect(HttpStatusCode.Created);

        Assert.Equal(("Ada", "Lovelace", "Ada Lovelace"), (created["first_name"], created["last_name"], created["full_name"]));
        Assert.Equal(3600, created.Json!["token_lifetime"]!.GetValue<int>());
        var read = (await _world.Admin.GetAsync($"/api/users/{created["uuid"]}/")).Expect(HttpStatusCode.OK);
        Assert.Equal(("Ada", "Lovelace", "Ada Lovelace"), (read["first_name"], read["last_name"], read["full_name"]));
    }

    [Fact]
    public async Task A_full_name_alone_is_kept_and_the_names_are_blank()
    {
        var created = (await _world.Admin.PostAsync("/api/users/", new { username = ApiWorld.Unique("grace"), full_name = "Grace Hopper" }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal(("", "", "Grace Hopper"), (created["first_name"], created["last_name"], created["full_name"]));
        Assert.Null(created.Json!["token_lifetime"]);
    }

    [Fact]
    public async Task A_token_lifetime_under_a_minute_is_400() =>
        (await _world.Admin.PostAsync("/api/users/", new { username = ApiWorld.Unique("short"), token_lifetime = 59 }))
            .ExpectFieldError("token_lifetime");

    [Fact]
    public async Task Refresh_token_answers_the_new_token_with_its_user()
    {
        var username = ApiWorld.Unique("alan");
        var user = (await _world.Admin.PostAsync("/api/users/", new { username, first_name = "Alan", last_name = "Turing", password = "secret-password", token_lifetime = 600 }))
            .Expect(HttpStatusCode.Created);

        var body = (await _world.Admin.PostAsync($"/api/users/{user["uuid"]}/refresh_token/")).Expect(HttpStatusCode.OK).Json!;

        Assert.Equal(("Alan", "Turing", username), (body["user_first_name"]!.GetValue<string>(), body["user_last_name"]!.GetValue<string>(), body["user_username"]!.GetValue<string>()));
        Assert.True(body["user_is_active"]!.GetValue<bool>());
        Assert.Equal(600, body["user_token_lifetime"]!.GetValue<int>());
        Assert.True(DateTime.UtcNow - body["created"]!.GetValue<DateTime>() < TimeSpan.FromMinutes(5));
        (await _world.As(body["token"]!.GetValue<string>()).GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("CUSTOMER.OWNER")]
    [InlineData("CUSTOMER.MANAGER")]
    [InlineData("CUSTOMER.SUPPORT")]
    public async Task Add_user_takes_waldurs_role_names_and_answers_201_with_the_expiration_time(string role)
    {
        var customer = await _world.CreateCustomerAsync();
        var user = await _world.CreateUserAsync();

        (await _world.Admin.PostAsync($"/api/customers/{customer}/add_user/", new { user = user.Id, role }))
            .ExpectBody(HttpStatusCode.Created, """{"expiration_time": null}""");

        (await user.Client.GetAsync($"/api/customers/{customer}/")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Add_user_echoes_a_future_expiration_time_and_refuses_a_past_one()
    {
        var customer = await _world.CreateCustomerAsync();
        var user = await _world.CreateUserRecordAsync();
        var path = $"/api/customers/{customer}/add_user/";

        var added = (await _world.Admin.PostAsync(path, new { user, role = "CUSTOMER.MANAGER", expiration_time = "2099-01-01T00:00:00Z" }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal(new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc), added.Json!["expiration_time"]!.GetValue<DateTime>().ToUniversalTime());
        (await _world.Admin.PostAsync(path, new { user, role = "CUSTOMER.MANAGER", expiration_time = "2000-01-01T00:00:00Z" }))
            .ExpectFieldError("expiration_time", "Expiration time should be greater than current time.");
        (await _world.Admin.PostAsync(path, new { user, role = "CUSTOMER.MANAGER", expiration_time = "soon" })).ExpectFieldError("expiration_time");
    }

    [Fact]
    public async Task Archive_answers_detail_and_state()
    {
        var provider = await _world.CreateProviderWorldAsync();
        (await provider.Owner.Client.PostAsync($"/api/marketplace-provider-offerings/{provider.Offering}/archive/"))
            .ExpectBody(HttpStatusCode.OK, """{"detail": "Offering state updated.", "state": "Archived"}""");
    }
}

using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>User creation and visibility (API.md §1).</summary>
[Collection(ApiCollection.Name)]
public sealed class UsersTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    [Fact]
    public async Task Staff_creates_a_user_with_the_documented_fields()
    {
        var username = ApiWorld.Unique("user");

        var user = (await _world.Admin.PostAsync("/api/users/", new
        {
            username, full_name = "Grace Hopper", email = "grace@example.com", is_staff = false, is_support = true,
        })).Expect(HttpStatusCode.Created);

        Assert.Matches("^[0-9a-f]{32}$", user["uuid"]);
        Assert.Equal($"http://localhost/api/users/{user["uuid"]}/", user["url"]);
        Assert.Equal(username, user["username"]);
        Assert.Equal("Grace Hopper", user["full_name"]);
        Assert.Equal("grace@example.com", user["email"]);
        Assert.False(user.Json!["is_staff"]!.GetValue<bool>());
        Assert.True(user.Json!["is_support"]!.GetValue<bool>());
        var fetched = (await _world.Admin.GetAsync($"/api/users/{user["uuid"]}/")).Expect(HttpStatusCode.OK);
        Assert.Equal(username, fetched["username"]);
    }

    [Fact]
    public async Task A_duplicate_username_is_400_and_leaves_the_first_user_intact()
    {
        var first = await _world.CreateUserAsync();

        (await _world.Admin.PostAsync("/api/users/", new { username = first.Username, password = "other-password" }))
            .ExpectFieldError("username", "A user with that username already exists.");

        (await _world.Anonymous.PostAsync("/api-auth/password/", new { username = first.Username, password = "secret-password" }))
            .Expect(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"full_name": "No username"}""", "username")]
    [InlineData("""{"username": ""}""", "username")]
    [InlineData("""{"username": "bad-email-user", "email": "not-an-email"}""", "email")]
    [InlineData("""{"username": "bad-flag-user", "is_staff": "maybe"}""", "is_staff")]
    public async Task Invalid_user_fields_are_400_field_errors(string body, string field) =>
        (await _world.Admin.SendRawAsync(HttpMethod.Post, "/api/users/", body)).ExpectFieldError(field);

    [Fact]
    public async Task A_regular_user_lists_only_themselves()
    {
        var user = await _world.CreateUserAsync();

        var list = (await user.Client.GetAsync("/api/users/")).Expect(HttpStatusCode.OK);

        Assert.Equal(new[] { user.Id }, list.Uuids());
        Assert.Equal(1, list.ResultCount());
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Staff_and_global_support_list_and_read_other_users(bool staff, bool support)
    {
        var reader = await _world.CreateUserAsync(staff: staff, support: support);
        var other = await _world.CreateUserAsync();

        var list = (await reader.Client.GetAsync("/api/users/")).Expect(HttpStatusCode.OK);
        Assert.True(list.ResultCount() >= 2);
        (await reader.Client.GetAsync($"/api/users/{other.Id}/")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Flags_given_at_creation_take_effect_for_the_new_user()
    {
        var staff = await _world.CreateUserAsync(staff: true);

        (await staff.Client.PostAsync("/api/customers/", new { name = ApiWorld.Unique("customer") })).Expect(HttpStatusCode.Created);
    }
}

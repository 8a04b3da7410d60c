using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>Password login, the current user and token refresh (API.md §1).</summary>
[Collection(ApiCollection.Name)]
public sealed class AuthTests(ApiFactory factory)
{
    private const string InvalidCredentials = """{"detail": "Invalid username or password."}""";

    private readonly ApiWorld _world = new(factory);

    private Task<ApiResponse> LoginAsync(string username, string password) =>
        _world.Anonymous.PostAsync("/api-auth/password/", new { username, password });

    [Fact]
    public async Task Login_returns_a_token_that_authenticates_the_user()
    {
        var user = await _world.CreateUserAsync();

        var login = (await LoginAsync(user.Username, "secret-password")).Expect(HttpStatusCode.OK);

        var me = (await _world.As(login["token"]).GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);
        Assert.Equal(user.Id, me["uuid"]);
    }

    [Fact]
    public async Task Login_with_a_wrong_password_is_401_invalid_username_or_password()
    {
        var user = await _world.CreateUserAsync();
        (await LoginAsync(user.Username, "wrong-password")).ExpectBody(HttpStatusCode.Unauthorized, InvalidCredentials);
    }

    [Fact]
    public async Task Login_of_an_unknown_user_is_401_invalid_username_or_password() =>
        (await LoginAsync(ApiWorld.Unique("nobody"), "secret-password")).ExpectBody(HttpStatusCode.Unauthorized, InvalidCredentials);

    [Fact]
    public async Task Login_of_a_user_without_a_password_is_401_invalid_username_or_password()
    {
        var userId = await _world.CreateUserRecordAsync();
        var username = (await _world.Admin.GetAsync($"/api/users/{userId}/")).Expect(HttpStatusCode.OK)["username"];
        (await LoginAsync(username, "")).ExpectFieldError("password");
        (await LoginAsync(username, "anything")).ExpectBody(HttpStatusCode.Unauthorized, InvalidCredentials);
    }

    [Fact]
    public async Task Login_without_credentials_names_both_missing_fields()
    {
        var response = (await _world.Anonymous.PostAsync("/api-auth/password/", new { })).Expect(HttpStatusCode.BadRequest);
        response.ExpectFieldError("username").ExpectFieldError("password");
    }

    [Fact]
    public async Task Me_returns_the_caller_with_the_token_used()
    {
        var user = await _world.CreateUserAsync(fullName: "Ada Lovelace");

        var me = (await user.Client.GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);

        Assert.Equal(user.Id, me["uuid"]);
        Assert.Equal(user.Username, me["username"]);
        Assert.Equal("Ada Lovelace", me["full_name"]);
        Assert.Equal($"{user.Username}@example.com", me["email"]);
        Assert.False(me.Json!["is_staff"]!.GetValue<bool>());
        Assert.False(me.Json!["is_support"]!.GetValue<bool>());
        Assert.Equal(user.Client.Token, me["token"]);
    }

    [Fact]
    public async Task Refresh_token_revokes_the_old_token_at_once_and_the_new_one_works()
    {
        var user = await _world.CreateUserAsync();

        var refreshed = (await user.Client.PostAsync($"/api/users/{user.Id}/refresh_token/")).Expect(HttpStatusCode.OK);

        Assert.NotEqual(user.Client.Token, refreshed["token"]);
        (await user.Client.GetAsync("/api/users/me/")).ExpectDetail(HttpStatusCode.Unauthorized, "Invalid token.");
        var me = (await _world.As(refreshed["token"]).GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);
        Assert.Equal(refreshed["token"], me["token"]);
    }

    [Fact]
    public async Task Staff_refreshing_a_users_token_locks_the_user_out_of_the_old_one()
    {
        var user = await _world.CreateUserAsync();

        var refreshed = (await _world.Admin.PostAsync($"/api/users/{user.Id}/refresh_token/")).Expect(HttpStatusCode.OK);

        (await user.Client.GetAsync("/api/users/me/")).Expect(HttpStatusCode.Unauthorized);
        var me = (await _world.As(refreshed["token"]).GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);
        Assert.Equal(user.Id, me["uuid"]);
    }
}

using System.Net;
using ComplianceGrains.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace ComplianceGrains.Tests.Http;

/// <summary>
/// Tokens answered from the front end's cache are refused on the very next request once revoked (ARCHITECTURE.md,
/// "Front end"): each test first makes sure that the token was served from the cache.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TokenCacheTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    [Fact]
    public async Task Refresh_token_refuses_the_cached_old_token_on_the_next_request()
    {
        var user = await _world.CreateUserAsync();
        await TokenCacheProbe.ServedFromCacheAsync(factory, user.Client);

        (await user.Client.PostAsync($"/api/users/{user.Id}/refresh_token/")).Expect(HttpStatusCode.OK);

        (await user.Client.GetAsync("/api/users/me/")).ExpectDetail(HttpStatusCode.Unauthorized, "Invalid token.");
    }

    [Fact]
    public async Task The_oldest_token_beyond_the_active_tokens_allowed_is_refused_on_the_next_request_though_cached()
    {
        var user = await _world.CreateUserAsync();
        var first = _world.As(await LoginAsync(user));
        await TokenCacheProbe.ServedFromCacheAsync(factory, first);

        string latest = "";
        for (var login = 0; login < 20; login++) latest = await LoginAsync(user);

        (await first.GetAsync("/api/users/me/")).ExpectDetail(HttpStatusCode.Unauthorized, "Invalid token.");
        (await _world.As(latest).GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_out_refuses_the_cached_session_token_when_its_cookie_is_replayed()
    {
        var user = await _world.CreateUserAsync();
        var cookies = new CookieContainer();
        var browser = factory.CreateDefaultClient(new CookieContainerHandler(cookies));
        var pages = new PageClient(browser);
        Assert.Equal(HttpStatusCode.Redirect,
            (await pages.PostFormAsync("/signin", null, new() { ["username"] = user.Username, ["password"] = "secret-password" })).Status);
        var session = cookies.GetCookies(browser.BaseAddress!)["compliance.session"]!.Value;
        await TokenCacheProbe.ServedFromCacheAsync(TokenCacheProbe.Cache(factory),
            async () => Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/compliance/")).Status));

        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync("/signout", null, new())).Status);

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/compliance/");
        replay.Headers.Add("Cookie", $"compliance.session={session}");
        using var replayed = await factory.CreateDefaultClient().SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/signin", replayed.Headers.Location!.ToString());
    }

    private async Task<string> LoginAsync(TestUser user) =>
        (await _world.Anonymous.PostAsync("/api-auth/password/", new { username = user.Username, password = "secret-password" }))
        .Expect(HttpStatusCode.OK)["token"];
}

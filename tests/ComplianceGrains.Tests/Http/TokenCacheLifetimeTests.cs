using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>A token with a lifetime is never answered from the front end's cache, so it still slides and expires.</summary>
public sealed class TokenCacheLifetimeTests(FakeClockApiFactory factory) : IClassFixture<FakeClockApiFactory>
{
    private readonly ApiWorld _world = new(factory);

    [Fact]
    public async Task A_token_with_a_lifetime_is_not_served_from_the_cache_and_expires_after_its_lifetime_without_requests()
    {
        var username = ApiWorld.Unique("lifetime");
        (await _world.Admin.PostAsync("/api/users/", new { username, password = "secret-password", token_lifetime = 60 }))
            .Expect(HttpStatusCode.Created);
        var token = (await _world.Anonymous.PostAsync("/api-auth/password/", new { username, password = "secret-password" }))
            .Expect(HttpStatusCode.OK)["token"];
        var client = _world.As(token);
        await TokenCacheProbe.ServedFromCacheAsync(factory, _world.Admin);

        var hits = TokenCacheProbe.Cache(factory).Hits;
        for (var request = 0; request < 3; request++) (await client.GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);
        Assert.Equal(hits, TokenCacheProbe.Cache(factory).Hits);

        factory.Clock.Advance(TimeSpan.FromSeconds(50));
        (await client.GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        (await client.GetAsync("/api/users/me/")).ExpectDetail(HttpStatusCode.Unauthorized, "Invalid token.");
    }
}

using System.Net;
using ComplianceGrains.WebApi.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceGrains.Tests.Support;

/// <summary>Proof that a token was cached, read from the front end's own cache.</summary>
public static class TokenCacheProbe
{
    public static TokenCache Cache(ApiFactory factory) => factory.Services.GetRequiredService<TokenCache>();

    /// <summary>Requests with the client's token until one is answered from the cache.</summary>
    public static Task ServedFromCacheAsync(ApiFactory factory, ApiClient client) =>
        ServedFromCacheAsync(Cache(factory), async () => (await client.GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK));

    /// <summary>
    /// Repeats the request until the cache answers one: the front end subscribes in the background, and uses its cache
    /// only once subscribed.
    /// </summary>
    public static async Task ServedFromCacheAsync(TokenCache cache, Func<Task> request) =>
        await Eventually.UntilAsync(async () =>
        {
            var hits = cache.Hits;
            await request();
            return cache.Hits > hits;
        }, cached => cached, "a request answered from the token cache");
}

using System.Net;
using System.Text;
using System.Text.Json;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Hostile;

/// <summary>Sign-in limits per username and per client address, token inactivity expiry, links without a Host header.</summary>
public sealed class SignInHardeningTests(SignInFactory factory) : IClassFixture<SignInFactory>
{
    private readonly ApiWorld _world = new(factory.CreateClient(), Support.ApiFactory.AdminToken);

    private static int _nextAddress;

    /// <summary>A client address of its own for each test, so that the per-address limit of one test is not another's.</summary>
    private readonly string _address = $"10.0.{Interlocked.Increment(ref _nextAddress) / 250}.{_nextAddress % 250 + 1}";

    private async Task<ApiResponse> SignInAsync(string username, string password, string? address = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api-auth/password/")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { username, password }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(SignInFactory.AddressHeader, address ?? _address);
        return await ApiResponse.ReadAsync(await _world.Http.SendAsync(request));
    }

    private async Task<string> CreateUserAsync(int? tokenLifetime = null)
    {
        var username = ApiWorld.Unique("user");
        (await _world.Admin.PostAsync("/api/users/", new { username, password = "right-password", token_lifetime = tokenLifetime }))
            .Expect(HttpStatusCode.Created);
        return username;
    }

    private static void ExpectThrottled(ApiResponse response)
    {
        response.Expect(HttpStatusCode.TooManyRequests);
        Assert.True(int.TryParse(response.Header("Retry-After"), out var seconds) && seconds > 0, $"Retry-After: {response.Header("Retry-After")}");
        Assert.StartsWith("Request was throttled.", response["detail"]);
    }

    [Fact]
    public async Task Failed_sign_ins_of_a_username_beyond_the_limit_are_429_even_with_the_right_password_and_others_are_not_slowed()
    {
        var victim = await CreateUserAsync();
        var other = await CreateUserAsync();
        for (var attempt = 0; attempt < SignInFactory.FailedAttemptsPerUsername; attempt++)
            (await SignInAsync(victim, "wrong", address: $"10.1.0.{attempt + 1}")).Expect(HttpStatusCode.Unauthorized);

        ExpectThrottled(await SignInAsync(victim, "right-password", address: "10.1.1.1"));
        (await SignInAsync(other, "right-password", address: "10.1.1.2")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Successful_sign_ins_do_not_count_against_the_username()
    {
        var user = await CreateUserAsync();
        for (var attempt = 0; attempt < SignInFactory.FailedAttemptsPerUsername + 2; attempt++)
            (await SignInAsync(user, "right-password", address: $"10.2.0.{attempt + 1}")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Attempts_from_one_address_beyond_the_limit_are_429_and_other_addresses_are_served()
    {
        var user = await CreateUserAsync();
        for (var attempt = 0; attempt < SignInFactory.AttemptsPerAddress; attempt++)
            (await SignInAsync(user, "right-password")).Expect(HttpStatusCode.OK);

        ExpectThrottled(await SignInAsync(user, "right-password"));
        (await SignInAsync(user, "right-password", address: "10.3.0.1")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime_without_requests_and_each_request_extends_it()
    {
        var username = await CreateUserAsync(tokenLifetime: 60);
        var client = _world.As((await SignInAsync(username, "right-password")).Expect(HttpStatusCode.OK)["token"]);

        factory.Clock.Advance(TimeSpan.FromSeconds(50));
        (await client.GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromSeconds(50));
        (await client.GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        (await client.GetAsync("/api/users/me/")).ExpectDetail(HttpStatusCode.Unauthorized, "Invalid token.");
    }

    [Fact]
    public async Task A_token_without_a_lifetime_never_expires()
    {
        var username = await CreateUserAsync();
        var client = _world.As((await SignInAsync(username, "right-password")).Expect(HttpStatusCode.OK)["token"]);

        // The fake clock is Orleans' clock too (it takes the TimeProvider from the container): far jumps make its own
        // timers fire at once, so an hour stands for "long".
        factory.Clock.Advance(TimeSpan.FromHours(1));

        (await client.GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Links_of_a_request_without_a_host_use_the_configured_public_base_url()
    {
        var server = factory.Server;
        var context = await server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/api/users/";
            c.Request.Host = default;
            c.Request.Headers.Authorization = $"Token {Support.ApiFactory.AdminToken}";
        });

        Assert.Equal(200, context.Response.StatusCode);
        var link = context.Response.Headers.Link.ToString();
        Assert.Contains("<https://compliance.example.org/api/users/?page=1>; rel=\"first\"", link);
        Assert.DoesNotContain("http:///", link);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ComplianceGrains.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplianceGrains.Tests.Hostile;

/// <summary>The sign-in page under the same limits as <c>POST /api-auth/password/</c>, sharing their counters.</summary>
public sealed partial class SignInPageLimitsTests(SignInFactory factory) : IClassFixture<SignInFactory>
{
    private readonly ApiWorld _world = new(factory.CreateClient(), Support.ApiFactory.AdminToken);

    private static int _nextAddress;

    private readonly string _address = $"10.20.{Interlocked.Increment(ref _nextAddress) / 250}.{_nextAddress % 250 + 1}";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A browser of its own (cookies, no redirects followed) at one client address.</summary>
    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<HttpResponseMessage> GetPageAsync(HttpClient browser, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.Add(SignInFactory.AddressHeader, address);
        return await browser.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient browser, string username, string password, string address)
    {
        var form = await GetPageAsync(browser, address);
        form.EnsureSuccessStatusCode();
        var antiforgery = AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = username, ["password"] = password, ["__RequestVerificationToken"] = antiforgery,
            }),
        };
        request.Headers.Add(SignInFactory.AddressHeader, address);
        return await browser.SendAsync(request);
    }

    private async Task<ApiResponse> ApiSignInAsync(string username, string password, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api-auth/password/")
        {
            Content = JsonContent.Create(new { username, password }),
        };
        request.Headers.Add(SignInFactory.AddressHeader, address);
        return await ApiResponse.ReadAsync(await _world.Http.SendAsync(request));
    }

    private async Task<string> CreateUserAsync()
    {
        var username = ApiWorld.Unique("user");
        (await _world.Admin.PostAsync("/api/users/", new { username, password = "right-password" })).Expect(HttpStatusCode.Created);
        return username;
    }

    private static void AssertThrottledPage(HttpResponseMessage response, string message, string body)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, body);
    }

    [Fact]
    public async Task Page_attempts_from_one_address_beyond_the_limit_are_429_the_page_still_opens_and_the_api_shares_the_count()
    {
        var user = await CreateUserAsync();
        var browser = Browser();
        for (var attempt = 0; attempt < SignInFactory.AttemptsPerAddress; attempt++)
            Assert.Equal(HttpStatusCode.Redirect, (await PostPageAsync(browser, user, "right-password", _address)).StatusCode);

        var refused = await PostPageAsync(browser, user, "right-password", _address);
        AssertThrottledPage(refused, "Too many sign-in attempts from your address.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await GetPageAsync(browser, _address)).StatusCode);
        (await ApiSignInAsync(user, "right-password", _address)).Expect(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.Redirect, (await PostPageAsync(Browser(), user, "right-password", _address + "0")).StatusCode);
    }

    [Fact]
    public async Task Failed_page_sign_ins_of_a_username_refuse_it_on_the_page_and_the_api_while_other_users_sign_in()
    {
        var victim = await CreateUserAsync();
        var other = await CreateUserAsync();
        var browser = Browser();
        for (var attempt = 0; attempt < SignInFactory.FailedAttemptsPerUsername; attempt++)
        {
            var failed = await PostPageAsync(browser, victim, "wrong", $"10.21.{_nextAddress % 250}.{attempt + 1}");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("Invalid username or password.", await failed.Content.ReadAsStringAsync());
        }

        var refused = await PostPageAsync(browser, victim, "right-password", $"10.22.{_nextAddress % 250}.1");
        AssertThrottledPage(refused, "Too many failed sign-ins for this username.", await refused.Content.ReadAsStringAsync());
        (await ApiSignInAsync(victim, "right-password", $"10.22.{_nextAddress % 250}.2")).Expect(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.Redirect, (await PostPageAsync(Browser(), other, "right-password", $"10.22.{_nextAddress % 250}.3")).StatusCode);
    }
}

using System.Net;
using System.Text.RegularExpressions;

namespace ComplianceGrains.Bench.Http;

/// <summary>
/// A browser's session with the web pages: signed in through the sign-in form (antiforgery token and cookie), then
/// sending the session cookie with every page request.
/// </summary>
public sealed partial class PageSession : IDisposable
{
    private readonly HttpClient http;

    private PageSession(Uri baseAddress, int concurrency)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(concurrency, 64) + 16,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            UseProxy = false,
        };
        http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public static async Task<PageSession> SignInAsync(Uri baseAddress, int concurrency, string username, string password)
    {
        var session = new PageSession(baseAddress, concurrency);
        var form = await session.http.GetStringAsync("/signin");
        var token = AntiforgeryField().Match(form) is { Success: true } match ? match.Groups[1].Value
            : throw new BenchException("the sign-in page has no antiforgery token");
        using var response = await session.http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username, ["password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new BenchException($"signing in as {username} gave {(int)response.StatusCode}, not a redirect");
        return session;
    }

    /// <summary>Reads a page; throws unless it answered 200.</summary>
    public async Task GetAsync(string path)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK) throw new BenchException($"GET {path} gave {(int)response.StatusCode}");
        await response.Content.ReadAsByteArrayAsync();
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ComplianceGrains.Bench.Http;

/// <summary>
/// One pooled HTTP connection set to the service (enough connections for every concurrent client), with helpers
/// that send the staff token, expect success and parse JSON.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient http;
    private readonly AuthenticationHeaderValue authorization;

    public ApiClient(Uri baseAddress, string token, int concurrency)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(concurrency, 64) + 16,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
        };
        http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        authorization = new AuthenticationHeaderValue("Token", token);
    }

    /// <summary>A request; authenticated with the staff token unless <paramref name="anonymous"/>.</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, string? json = null, bool anonymous = false)
    {
        var request = new HttpRequestMessage(method, path);
        if (!anonymous) request.Headers.Authorization = authorization;
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return request;
    }

    /// <summary>Sends a request, reads the whole body and throws unless the status is a success.</summary>
    public async Task<byte[]> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using (request)
        using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken))
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new BenchException($"{request.Method} {request.RequestUri} gave {(int)response.StatusCode}: {Shorten(Encoding.UTF8.GetString(body))}");
            return body;
        }
    }

    public async Task<JsonElement> GetJsonAsync(string path) => Parse(await SendAsync(Request(HttpMethod.Get, path)));

    public async Task<JsonElement> PostJsonAsync(string path, object body) =>
        Parse(await SendAsync(Request(HttpMethod.Post, path, JsonSerializer.Serialize(body))));

    /// <summary>The <c>X-Result-Count</c> of a list endpoint.</summary>
    public async Task<long> ResultCountAsync(string path)
    {
        using var request = Request(HttpMethod.Get, path);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode || !response.Headers.TryGetValues("X-Result-Count", out var values))
            throw new BenchException($"GET {path} gave {(int)response.StatusCode} without X-Result-Count");
        return long.Parse(values.First(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static JsonElement Parse(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    public void Dispose() => http.Dispose();
}

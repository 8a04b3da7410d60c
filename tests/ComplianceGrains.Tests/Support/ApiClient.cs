using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComplianceGrains.Tests.Support;

/// <summary>A JSON client for the API as one caller (a token, or anonymous).</summary>
public sealed class ApiClient(HttpClient http, string? token)
{
    public string? Token { get; } = token;

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ApiResponse> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<ApiResponse> PutAsync(string path, object? body) => SendAsync(HttpMethod.Put, path, body);

    public Task<ApiResponse> PatchAsync(string path, object? body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<ApiResponse> SendRawAsync(HttpMethod method, string path, string body, string contentType = "application/json")
    {
        using var request = Request(method, path);
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await ApiResponse.ReadAsync(await http.SendAsync(request));
    }

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = Request(method, path);
        if (body is not null)
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        return await ApiResponse.ReadAsync(await http.SendAsync(request));
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        if (Token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Token", Token);
        return request;
    }
}

public sealed record ApiResponse(HttpStatusCode Status, string Body, HttpResponseMessage Message)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public JsonArray Array => Json!.AsArray();

    public string this[string field] => Json![field]!.ToString();

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : Message.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : null;

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage message) =>
        new(message.StatusCode, await message.Content.ReadAsStringAsync(), message);

    public ApiResponse Expect(HttpStatusCode status)
    {
        Assert.True(status == Status, $"Expected {(int)status} but got {(int)Status}: {Body}");
        return this;
    }

    public override string ToString() => $"{(int)Status} {Body}";
}

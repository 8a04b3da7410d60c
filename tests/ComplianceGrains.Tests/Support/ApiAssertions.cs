using System.Net;
using System.Text.Json.Nodes;

namespace ComplianceGrains.Tests.Support;

/// <summary>Assertions on API responses that name the request's outcome when they fail.</summary>
public static class ApiAssertions
{
    /// <summary>The status and the exact JSON body (property order ignored).</summary>
    public static ApiResponse ExpectBody(this ApiResponse response, HttpStatusCode status, string expectedJson)
    {
        response.Expect(status);
        if ((int)status >= 400) response.ExpectJsonError();
        var expected = JsonNode.Parse(expectedJson);
        Assert.True(JsonNode.DeepEquals(expected, response.Json), $"Expected body {expected?.ToJsonString()} but got {response.Body}");
        return response;
    }

    /// <summary>A 400 whose body names the field (or <c>non_field_errors</c>) with at least one message.</summary>
    public static ApiResponse ExpectFieldError(this ApiResponse response, string field)
    {
        response.Expect(HttpStatusCode.BadRequest);
        response.ExpectJsonError();
        var messages = response.Json is JsonObject body ? body[field] as JsonArray : null;
        Assert.True(messages is { Count: > 0 }, $"Expected a 400 error for \"{field}\" but got {response.Body}");
        return response;
    }

    /// <summary>A 400 whose body names the field with exactly this message.</summary>
    public static ApiResponse ExpectFieldError(this ApiResponse response, string field, string message) =>
        response.ExpectBody(HttpStatusCode.BadRequest, new JsonObject { [field] = new JsonArray(message) }.ToJsonString());

    public static ApiResponse ExpectDetail(this ApiResponse response, HttpStatusCode status, string detail) =>
        response.ExpectBody(status, new JsonObject { ["detail"] = detail }.ToJsonString());

    /// <summary>An error response as the API promises it: a JSON object body with a JSON content type, never a 5xx.</summary>
    public static void ExpectJsonError(this ApiResponse response)
    {
        Assert.True((int)response.Status is >= 400 and < 500, $"Expected a 4xx but got {response}");
        Assert.Equal("application/json", response.Message.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Json is JsonObject or JsonArray, $"Expected a JSON body but got {response.Body}");
    }

    /// <summary>The uuids of the objects of a list response body.</summary>
    public static IReadOnlyList<string> Uuids(this ApiResponse response) =>
        response.Array.Select(item => item!["uuid"]!.GetValue<string>()).ToList();
}

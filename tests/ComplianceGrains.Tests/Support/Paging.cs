using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ComplianceGrains.Tests.Support;

/// <summary>Reads the pagination headers (API.md §0) and walks every page of a list.</summary>
public static partial class Paging
{
    /// <summary>The <c>Link</c> header as rel → absolute URL.</summary>
    public static IReadOnlyDictionary<string, string> Links(this ApiResponse response) =>
        LinkPattern().Matches(response.Header("Link") ?? "").ToDictionary(m => m.Groups["rel"].Value, m => m.Groups["url"].Value);

    public static int ResultCount(this ApiResponse response) => int.Parse(response.Header("X-Result-Count")!);

    /// <summary>Every item of a list, following the <c>next</c> links from the first page.</summary>
    public static async Task<IReadOnlyList<JsonNode>> ListAllAsync(this ApiClient client, string path)
    {
        var items = new List<JsonNode>();
        string? next = path;
        while (next is not null)
        {
            var page = (await client.GetAsync(next)).Expect(HttpStatusCode.OK);
            items.AddRange(page.Array.Select(item => item!));
            next = page.Links().GetValueOrDefault("next");
        }
        return items;
    }

    public static async Task<IReadOnlyList<string>> ListAllUuidsAsync(this ApiClient client, string path) =>
        (await client.ListAllAsync(path)).Select(item => item["uuid"]!.GetValue<string>()).ToList();

    [GeneratedRegex("<(?<url>[^>]*)>;\\s*rel=\"(?<rel>[a-z]+)\"")]
    private static partial Regex LinkPattern();
}

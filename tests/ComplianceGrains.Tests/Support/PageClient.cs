using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplianceGrains.Tests.Support;

/// <summary>
/// The web pages as a browser without script uses them: a session cookie from the sign-in page, and forms posted with
/// the antiforgery token of the page they are on.
/// </summary>
public sealed partial class PageClient(HttpClient http)
{
    public static async Task<PageClient> SignInAsync(ApiFactory factory, TestUser user)
    {
        var client = new PageClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var signedIn = await client.PostFormAsync("/signin", null, new() { ["username"] = user.Username, ["password"] = "secret-password" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        return client;
    }

    public async Task<PageResponse> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return await PageResponse.ReadAsync(response);
    }

    /// <summary>Opens the page, then posts one of its forms (its <c>handler</c>) with the page's antiforgery token.</summary>
    public async Task<PageResponse> PostFormAsync(string path, string? handler, Dictionary<string, string> fields, params (string Name, string Value)[] repeated)
    {
        var page = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var token = AntiforgeryToken().Match(page.Html);
        Assert.True(token.Success, $"{path} has no form with an antiforgery token");
        var items = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Concat(repeated.Select(r => new KeyValuePair<string, string>(r.Name, r.Value)))
            .Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        var target = handler is null ? path : $"{path}{(path.Contains('?') ? '&' : '?')}handler={handler}";
        using var response = await http.PostAsync(target, new FormUrlEncodedContent(items));
        return await PageResponse.ReadAsync(response);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed partial record PageResponse(HttpStatusCode Status, string Html, string? Location)
{
    public static async Task<PageResponse> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);

    /// <summary>The messages of the list with the given id (a field's errors, or <c>form-errors</c>), as the page shows them.</summary>
    public IReadOnlyList<string> Messages(string listId)
    {
        var list = Regex.Match(Html, $"<ul [^>]*id=\"{Regex.Escape(listId)}\"[^>]*>(.*?)</ul>", RegexOptions.Singleline);
        if (!list.Success) return [];
        return ListItem().Matches(list.Groups[1].Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim())).ToList();
    }

    /// <summary>The page's text inside the element with the given id, tags removed and spaces collapsed.</summary>
    public string TextOf(string id)
    {
        var start = Html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the page has no element #{id}");
        var end = Html.IndexOf("</div>", start, StringComparison.Ordinal);
        var inner = Html[Html.IndexOf('>', start)..end];
        return WebUtility.HtmlDecode(Spaces().Replace(Tag().Replace(inner, " "), " ")).Trim(' ', '>');
    }

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ListItem();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

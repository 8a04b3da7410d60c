using System.Globalization;
using ComplianceGrains.Marketplace;
using Microsoft.AspNetCore.WebUtilities;

namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>
/// The API's pagination (API.md §0): <c>page</c> (1-based) and <c>page_size</c> (default 10, at most 300),
/// a bare JSON array body, <c>X-Result-Count</c> and <c>Link</c> headers.
/// </summary>
public static class Pagination
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 300;

    public static (int Page, int PageSize) Parse(HttpRequest request)
    {
        var pageText = request.Query["page"].ToString();
        var page = 1;
        if (pageText != "" && !(int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1))
            throw HttpErrorException.InvalidPage();
        var sizeText = request.Query["page_size"].ToString();
        var size = int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var requested) && requested > 0
            ? Math.Min(requested, MaxPageSize)
            : DefaultPageSize;
        return (page, size);
    }

    public static PageRequest ParseRequest(HttpRequest request)
    {
        var (page, size) = Parse(request);
        return new PageRequest((page - 1) * size, size);
    }

    /// <summary>Writes the headers of a page and returns its items; a page past the end is 404 "Invalid page.".</summary>
    public static IResult Respond<T>(HttpContext context, IReadOnlyList<T> items, int totalCount)
    {
        var (page, size) = Parse(context.Request);
        var lastPage = Math.Max(1, (totalCount + size - 1) / size);
        if (page > lastPage) throw HttpErrorException.InvalidPage();

        var headers = context.Response.Headers;
        headers["X-Result-Count"] = totalCount.ToString(CultureInfo.InvariantCulture);
        var links = new List<string> { Link(context.Request, 1, "first") };
        if (page > 1) links.Add(Link(context.Request, page - 1, "prev"));
        if (page < lastPage) links.Add(Link(context.Request, page + 1, "next"));
        links.Add(Link(context.Request, lastPage, "last"));
        headers["Link"] = string.Join(", ", links);
        // HEAD is a list's count (Waldur's *_count calls): the same headers, no body.
        return HttpMethods.IsHead(context.Request.Method) ? Results.Ok() : Results.Json(items, ApiJson.Options);
    }

    /// <summary>Maps a list endpoint for GET and for HEAD, which answers the same headers without a body.</summary>
    public static RouteHandlerBuilder MapList(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
        endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler);

    /// <summary>Pages a list that is already in memory.</summary>
    public static IResult RespondWith<T>(HttpContext context, IReadOnlyList<T> all)
    {
        var (page, size) = Parse(context.Request);
        return Respond(context, all.Skip((page - 1) * size).Take(size).ToList(), all.Count);
    }

    private static string Link(HttpRequest request, int page, string rel)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => p.Key != "page")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("page", page.ToString(CultureInfo.InvariantCulture)));
        var url = QueryHelpers.AddQueryString(ApiUrls.Base(request) + request.Path.Value + "/", query);
        return $"<{url}>; rel=\"{rel}\"";
    }
}

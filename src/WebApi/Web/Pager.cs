using Microsoft.AspNetCore.WebUtilities;

namespace ComplianceGrains.WebApi.Web;

/// <summary>Page numbers of a list page (1-based), with links that keep the other query parameters.</summary>
public sealed record Pager(int Number, int Size, int Total, IQueryCollection Query)
{
    public static Pager Empty { get; } = new(1, 1, 0, new QueryCollection());

    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    public static PageRequest Request(int number, int size) => new((Math.Max(1, number) - 1) * size, size);

    public string Link(int number)
    {
        var parameters = Query.Where(p => p.Key != "page").ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        parameters["page"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("", parameters);
    }
}

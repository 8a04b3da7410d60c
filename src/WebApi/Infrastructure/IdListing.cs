namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>Lists objects whose ids are known: pages the ids, then fetches only that page's objects from their grains.</summary>
public static class IdListing
{
    /// <summary>Lists a whole catalog, asking the catalog for one page of ids only.</summary>
    public static async Task<IResult> PageAsync<TView, TResponse>(
        HttpContext context,
        Catalog.ICatalogGrain catalog,
        Func<Guid, Task<TView>> fetch,
        Func<TView, TResponse> map)
    {
        var ids = await catalog.PageAsync(Pagination.ParseRequest(context.Request));
        var views = await Task.WhenAll(ids.Items.Select(fetch));
        return Pagination.Respond(context, views.Select(map).ToList(), ids.TotalCount);
    }

    public static async Task<IResult> PageAsync<TView, TResponse>(
        HttpContext context,
        IReadOnlyList<Guid> ids,
        Func<Guid, Task<TView>> fetch,
        Func<TView, TResponse> map)
    {
        var (page, size) = Pagination.Parse(context.Request);
        var pageIds = ids.Skip((page - 1) * size).Take(size);
        var views = await Task.WhenAll(pageIds.Select(fetch));
        return Pagination.Respond(context, views.Select(map).ToList(), ids.Count);
    }
}

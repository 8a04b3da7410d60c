namespace ComplianceGrains.Catalog;

/// <summary>A catalog's entry point in the cluster; the ids themselves live in the silo's <see cref="ICatalogStore"/>.</summary>
[StatelessWorker]
public sealed class CatalogGrain(ICatalogStore store) : Grain, ICatalogGrain
{
    private string Catalog => this.GetPrimaryKeyString();

    public Task AddAsync(Guid id) => store.AddAsync(Catalog, id);

    public Task RemoveAsync(Guid id) => store.RemoveAsync(Catalog, id);

    public Task<IReadOnlyList<Guid>> ListAsync() => store.ListAsync(Catalog);

    public Task<Page<Guid>> PageAsync(PageRequest page) => store.PageAsync(Catalog, page);
}

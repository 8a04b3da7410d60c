namespace ComplianceGrains.Catalog;

/// <summary>
/// Where catalogs keep their ids: a table, not a grain state blob, so that adding the hundred-thousandth user
/// costs what adding the first one did.
/// </summary>
public interface ICatalogStore
{
    Task AddAsync(string catalog, Guid id);

    Task RemoveAsync(string catalog, Guid id);

    Task<IReadOnlyList<Guid>> ListAsync(string catalog);

    Task<Page<Guid>> PageAsync(string catalog, PageRequest page);
}

namespace ComplianceGrains.Catalog;

/// <summary>
/// The ids of every object of one kind, in creation order. Keyed by <see cref="CatalogNames"/>.
/// Lists of administrative objects (users, customers, providers, offerings, checklists) start here.
/// </summary>
public interface ICatalogGrain : IGrainWithStringKey
{
    Task AddAsync(Guid id);

    Task RemoveAsync(Guid id);

    Task<IReadOnlyList<Guid>> ListAsync();

    /// <summary>One page of the ids, with their total count.</summary>
    Task<Page<Guid>> PageAsync(PageRequest page);
}

public static class CatalogNames
{
    public const string Users = "users";
    public const string Customers = "customers";
    public const string ServiceProviders = "service-providers";
    public const string Offerings = "offerings";
    public const string Checklists = "checklists";
}

using ComplianceGrains.Catalog;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// The catalogs of embedded mode: <c>catalog_entries</c> on disk, served from an in-memory copy that is loaded at
/// start and changed after each commit, in commit order.
/// </summary>
public sealed class SqliteCatalogStore : ICatalogStore
{
    private readonly SqliteDatabase _database;
    private readonly InMemoryCatalogStore _memory = new();

    public SqliteCatalogStore(SqliteDatabase database)
    {
        _database = database;
        using var connection = database.OpenReader();
        foreach (var (catalog, id) in connection.Rows(r => (r.GetString(0), r.GetGuid(1)),
                     "SELECT catalog, id FROM catalog_entries ORDER BY position"))
            _memory.AddAsync(catalog, id);
    }

    public Task AddAsync(string catalog, Guid id) => _database.WriteAsync(
        connection => connection.Execute("INSERT INTO catalog_entries (catalog, id) VALUES ($1, $2) ON CONFLICT DO NOTHING", catalog, id),
        () => _memory.AddAsync(catalog, id));

    public Task RemoveAsync(string catalog, Guid id) => _database.WriteAsync(
        connection => connection.Execute("DELETE FROM catalog_entries WHERE catalog = $1 AND id = $2", catalog, id),
        () => _memory.RemoveAsync(catalog, id));

    public Task<IReadOnlyList<Guid>> ListAsync(string catalog) => _memory.ListAsync(catalog);

    public Task<Page<Guid>> PageAsync(string catalog, PageRequest page) => _memory.PageAsync(catalog, page);
}

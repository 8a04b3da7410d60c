using ComplianceGrains.Catalog;
using Npgsql;

namespace ComplianceGrains.Silo.Postgres;

/// <summary>The catalogs of cluster mode: <c>compliance_catalog</c>.</summary>
public sealed class PostgresCatalogStore(NpgsqlDataSource dataSource) : ICatalogStore
{
    public Task AddAsync(string catalog, Guid id) =>
        ExecuteAsync("INSERT INTO compliance_catalog (catalog, id) VALUES ($1, $2) ON CONFLICT DO NOTHING", catalog, id);

    public Task RemoveAsync(string catalog, Guid id) =>
        ExecuteAsync("DELETE FROM compliance_catalog WHERE catalog = $1 AND id = $2", catalog, id);

    public async Task<IReadOnlyList<Guid>> ListAsync(string catalog)
    {
        await using var command = dataSource.CreateCommand("SELECT id FROM compliance_catalog WHERE catalog = $1 ORDER BY position");
        command.Parameters.Add(new() { Value = catalog });
        return await ReadIdsAsync(command);
    }

    public async Task<Page<Guid>> PageAsync(string catalog, PageRequest page)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, (SELECT count(*) FROM compliance_catalog WHERE catalog = $1)
            FROM compliance_catalog WHERE catalog = $1 ORDER BY position OFFSET $2 LIMIT $3
            """);
        command.Parameters.Add(new() { Value = catalog });
        command.Parameters.Add(new() { Value = page.Offset });
        command.Parameters.Add(new() { Value = page.Limit });
        var ids = new List<Guid>();
        long total = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
                total = reader.GetInt64(1);
            }
        }
        if (ids.Count == 0) total = await CountAsync(catalog);
        return new Page<Guid>(ids, (int)total);
    }

    private async Task<long> CountAsync(string catalog)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM compliance_catalog WHERE catalog = $1");
        command.Parameters.Add(new() { Value = catalog });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<IReadOnlyList<Guid>> ReadIdsAsync(NpgsqlCommand command)
    {
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private async Task ExecuteAsync(string sql, string catalog, Guid id)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = catalog });
        command.Parameters.Add(new() { Value = id });
        await command.ExecuteNonQueryAsync();
    }
}

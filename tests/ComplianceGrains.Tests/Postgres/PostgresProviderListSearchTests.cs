using ComplianceGrains.Silo.Postgres;
using ComplianceGrains.Tests.Projections;
using Npgsql;

namespace ComplianceGrains.Tests.Postgres;

public sealed class PostgresProviderListSearchTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [PostgresFact]
    public async Task The_postgres_projection_searches_and_reverses_a_provider_list()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var projection = new PostgresComplianceProjection(dataSource, TimeProvider.System);
        await ProviderListSearch.CheckAsync(projection);
    }
}

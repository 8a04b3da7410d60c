using Npgsql;
using NpgsqlTypes;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// The floor of what storing a submission in PostgreSQL costs: one upsert of the answers' JSON per request into a
/// scratch table (created here, dropped on dispose), over a pool as large as the concurrency.
/// </summary>
public sealed class RawUpsertBaseline : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly string table = "bench_scratch_" + Guid.NewGuid().ToString("N")[..8];

    private RawUpsertBaseline(NpgsqlDataSource dataSource) => this.dataSource = dataSource;

    public static async Task<RawUpsertBaseline> CreateAsync(string connectionString, int concurrency)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Math.Max(concurrency, 10) + 4 };
        var baseline = new RawUpsertBaseline(NpgsqlDataSource.Create(builder.ConnectionString));
        await using var create = baseline.dataSource.CreateCommand(
            $"CREATE TABLE {baseline.table} (id uuid PRIMARY KEY, payload jsonb NOT NULL, modified timestamptz NOT NULL)");
        await create.ExecuteNonQueryAsync();
        return baseline;
    }

    public async Task UpsertAsync(Guid id, string payload)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO {table} (id, payload, modified) VALUES ($1, $2, now()) " +
            "ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, modified = excluded.modified");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = payload, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await using (var drop = dataSource.CreateCommand($"DROP TABLE IF EXISTS {table}")) await drop.ExecuteNonQueryAsync();
        await dataSource.DisposeAsync();
    }
}

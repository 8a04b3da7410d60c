using ComplianceGrains.Silo.Schema;
using Npgsql;

namespace ComplianceGrains.Tests.Postgres;

/// <summary>
/// A fresh, migrated database on the test server for one test class, dropped afterwards; more fresh databases on
/// request.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private readonly List<string> _databases = [];
    private string _server = null!;

    /// <summary>The connection string of a database migrated to the current schema.</summary>
    public string ConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = PostgresServer.RequireConnectionString();
        ConnectionString = await CreateDatabaseAsync();
        await new SchemaMigrator(ConnectionString).MigrateAsync();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"compliance_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE {name}");
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(_server) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var name in _databases) await DropAsync(name);
    }

    /// <summary>
    /// Drops a test database; a drop that the server refuses while another class creates or drops one at the same time
    /// is tried again, and one still refused is left on the disposable test server rather than failing the run.
    /// </summary>
    private async Task DropAsync(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                return;
            }
            catch (PostgresException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
            catch (PostgresException)
            {
                return;
            }
        }
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

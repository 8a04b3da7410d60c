using ComplianceGrains.Silo.Schema;
using Microsoft.Data.Sqlite;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// Applies the <c>db/sqlite/</c> scripts a data file has not seen, each once and in its own transaction, recorded in
/// <c>schema_migrations</c>. A file that records a version this build does not know was written by a newer build: it is
/// refused, untouched, rather than read with a schema it does not have.
/// </summary>
public sealed class SqliteSchemaMigrator(SqliteConnection connection, IReadOnlyList<SchemaScript>? scripts = null)
{
    private readonly IReadOnlyList<SchemaScript> _scripts = scripts ?? SchemaScript.EmbeddedSqlite;

    public IReadOnlyList<SchemaScript> Migrate()
    {
        SqliteDatabase.Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    text PRIMARY KEY,
                name       text NOT NULL,
                checksum   text NOT NULL,
                applied_at text NOT NULL
            )
            """);
        var applied = ReadApplied();
        var known = _scripts.Select(script => script.Version).ToHashSet();
        if (applied.Keys.Where(version => !known.Contains(version)).Order(StringComparer.Ordinal).LastOrDefault() is { } newer)
            throw new InvalidOperationException(
                $"The data file {connection.DataSource} has schema version {newer}, newer than this build understands " +
                $"(up to {_scripts[^1].Version}); run a newer build on it, or use another data directory.");

        var pending = new List<SchemaScript>();
        foreach (var script in _scripts)
        {
            if (applied.TryGetValue(script.Version, out var checksum))
            {
                if (checksum != script.Checksum)
                    throw new InvalidOperationException($"db/sqlite/{script}.sql was changed after it was applied; add a new script instead.");
                continue;
            }
            Apply(script);
            pending.Add(script);
        }
        return pending;
    }

    private void Apply(SchemaScript script)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = script.Sql;
        command.ExecuteNonQuery();
        command.CommandText = "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($version, $name, $checksum, $at)";
        command.Parameters.AddWithValue("$version", script.Version);
        command.Parameters.AddWithValue("$name", script.Name);
        command.Parameters.AddWithValue("$checksum", script.Checksum);
        command.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O"));
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    private Dictionary<string, string> ReadApplied()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, checksum FROM schema_migrations";
        using var reader = command.ExecuteReader();
        var applied = new Dictionary<string, string>();
        while (reader.Read()) applied[reader.GetString(0)] = reader.GetString(1);
        return applied;
    }
}

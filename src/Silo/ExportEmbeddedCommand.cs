using ComplianceGrains.Silo.Sqlite;
using Microsoft.Extensions.Hosting;

namespace ComplianceGrains.Silo;

/// <summary>
/// <c>export-embedded &lt;data directory&gt; --to-postgres "&lt;connection string&gt;"</c>: copies an embedded data
/// directory into a PostgreSQL database (migrated first) for cluster mode. The grain states are keyed by the service id
/// (<c>Orleans:ServiceId</c>, or <c>--service-id</c>), which the cluster's silos must then use.
/// </summary>
public static class ExportEmbeddedCommand
{
    public const string Name = "export-embedded";
    private const string Usage = $"usage: {Name} <data directory> --to-postgres \"<connection string>\" [--service-id <id>]";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var directory, "--to-postgres", var connectionString, .. var rest] || rest is not ([] or ["--service-id", _]))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var serviceId = rest is [_, var id] ? id : SiloSettings.From(Host.CreateApplicationBuilder([]).Configuration).ServiceId;
        if (!File.Exists(Path.Combine(directory, SqliteDatabase.FileName)))
        {
            Console.Error.WriteLine($"{Name}: {Path.GetFullPath(directory)} holds no embedded database ({SqliteDatabase.FileName}).");
            return 1;
        }
        try
        {
            await using var source = SqliteDatabase.Open(Path.GetFullPath(directory));
            foreach (var (store, rows) in await new EmbeddedExport(source, connectionString, serviceId).RunAsync())
                Console.WriteLine($"copied {rows} {store}");
            Console.WriteLine($"exported {source.Directory} for service id '{serviceId}'");
            return 0;
        }
        catch (DataDirectoryInUseException e)
        {
            Console.Error.WriteLine($"{Name}: {e.Message}");
            return DataDirectoryInUseException.ExitCode;
        }
        catch (Exception e) when (e is InvalidOperationException or Npgsql.NpgsqlException or Orleans.Storage.InconsistentStateException)
        {
            Console.Error.WriteLine($"{Name} failed: {e.Message}");
            return 1;
        }
    }
}

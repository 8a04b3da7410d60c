using ComplianceGrains.Silo.Schema;
using Microsoft.Extensions.Hosting;

namespace ComplianceGrains.Silo;

/// <summary><c>migrate</c>: brings the database of <c>ConnectionStrings:Compliance</c> to the schema in <c>db/</c>.</summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = Host.CreateApplicationBuilder(args).Configuration;
        try
        {
            var applied = await new SchemaMigrator(HostingMode.ConnectionString(configuration)).MigrateAsync();
            foreach (var script in applied) Console.WriteLine($"applied {script}");
            Console.WriteLine($"schema at version {SchemaScript.Embedded[^1].Version}" + (applied.Count == 0 ? " (already up to date)" : ""));
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or Npgsql.NpgsqlException)
        {
            Console.Error.WriteLine($"migrate failed: {e.Message}");
            return 1;
        }
    }
}

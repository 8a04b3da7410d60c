using ComplianceGrains.Silo.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using ComplianceGrains.Silo.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ComplianceGrains.Silo;

/// <summary>The silo executable: <c>migrate</c>, <c>export-embedded</c>, or a silo of cluster mode with its <c>/metrics</c> listener.</summary>
public static class SiloProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [MigrateCommand.Name, .. var rest])
            return await MigrateCommand.RunAsync(rest);
        if (args is [ExportEmbeddedCommand.Name, .. var exportArgs])
            return await ExportEmbeddedCommand.RunAsync(exportArgs);

        var builder = WebApplication.CreateBuilder(StorageMode.ExpandSwitches(args));
        // The silo's only HTTP listener, on every interface (containers scrape each other); MetricsAccess guards it.
        builder.WebHost.UseUrls($"http://*:{ComplianceTelemetry.SiloMetricsPort(builder.Configuration)}");
        builder.Services.AddComplianceTelemetry(builder.Configuration, "compliance-silo");
        try
        {
            builder.UseOrleans(silo => silo.ConfigureComplianceSilo(builder.Configuration));
        }
        catch (DataDirectoryInUseException e)
        {
            Console.Error.WriteLine(e.Message);
            return DataDirectoryInUseException.ExitCode;
        }
        var app = builder.Build();
        app.UseComplianceMetrics(app.Configuration);
        var ports = Ports(builder.Configuration);
        try
        {
            await app.RunAsync();
        }
        catch (Exception e)
        {
            // The last line of the log is what an operator (and `scripts/cluster.sh up`) sees of a silo that died.
            Console.Error.WriteLine($"The silo stopped ({ports}): {string.Join(": ", Causes(e).Select(c => c.Message).Distinct())}");
            return 1;
        }
        return 0;
    }

    private static string Ports(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
        return $"silo port {settings.SiloPort}, gateway port {settings.GatewayPort}, metrics port {ComplianceTelemetry.SiloMetricsPort(configuration)}";
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException) yield return cause;
    }
}

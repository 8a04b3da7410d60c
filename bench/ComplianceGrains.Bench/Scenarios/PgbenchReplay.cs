using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceGrains.Bench.Hosting;
using Npgsql;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// The reference server's transaction replayed by <c>pgbench -M prepared</c> straight against PostgreSQL (no HTTP,
/// no JSON), on the world the reference server holds: what the conventional design costs the database alone.
/// </summary>
public static partial class PgbenchReplay
{
    public static async Task<double> TransactionsPerSecondAsync(
        string connectionString, string token, int targets, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        if (warmup > TimeSpan.Zero) await RunAsync(connectionString, token, targets, concurrency, warmup);
        var output = await RunAsync(connectionString, token, targets, concurrency, duration);
        var tps = TpsLine().Match(output);
        if (!tps.Success) throw new BenchException($"pgbench printed no tps line:\n{output}");
        return double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<string> RunAsync(string connectionString, string token, int targets, int concurrency, TimeSpan duration)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo("pgbench")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-n", "-M", "prepared", "-f", RepositoryPaths.ReferenceReplayScript, "-c", concurrency.ToString(CultureInfo.InvariantCulture),
                     "-j", Math.Min(concurrency, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                     "-T", ((int)Math.Max(1, duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
                     "-D", $"token={token}", "-D", $"targets={targets}",
                 })
            info.ArgumentList.Add(argument);
        info.Environment["PGHOST"] = cs.Host;
        info.Environment["PGPORT"] = cs.Port.ToString(CultureInfo.InvariantCulture);
        info.Environment["PGDATABASE"] = cs.Database;
        info.Environment["PGUSER"] = cs.Username;
        info.Environment["PGPASSWORD"] = cs.Password;
        info.Environment["PGOPTIONS"] = "-c search_path=reference";
        using var process = Process.Start(info) ?? throw new BenchException("could not start pgbench (apt-get install postgresql-client)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new BenchException($"pgbench exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex TpsLine();
}

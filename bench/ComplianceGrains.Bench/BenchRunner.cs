using System.Runtime.InteropServices;
using ComplianceGrains.Bench.Hosting;
using ComplianceGrains.Bench.Http;
using ComplianceGrains.Bench.Reporting;
using ComplianceGrains.Bench.Scenarios;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench;

/// <summary>Starts (or finds) the service, runs one scenario, prints and saves its report, stops what it started.</summary>
public static class BenchRunner
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        if (ScenarioCatalog.Find(options.Scenario) is not { } scenario)
        {
            Console.Error.WriteLine($"Unknown scenario '{options.Scenario}'.");
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        var machine = MachineInfo.Describe();
        Console.WriteLine($"machine: {machine}");
        await using var server = await ServerLauncher.LaunchAsync(options);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => server.Kill());
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => server.Kill());
        using var api = new ApiClient(server.Url, server.Token, options.Concurrency);
        var context = new BenchContext(options, api, server, new WorldSeeder(api));
        try
        {
            var report = await scenario.RunAsync(context);
            foreach (var capped in server.CappedProcesses)
            {
                var (periods, throttled) = capped.Quota!.Throttling();
                report.Add(new Figure($"{capped.Role} capped at {capped.Quota.Cores:0.###} cores: periods throttled", ScenarioReport.Ratio(throttled, periods) * 100, "%"));
            }
            ReportPrinter.Print(report);
            if (options.Out is { } path) ResultsFile.Write(path, options, machine, report);
            return 0;
        }
        catch (Exception e) when (e is BenchException or HttpRequestException or TaskCanceledException or Npgsql.NpgsqlException)
        {
            Console.Error.WriteLine($"benchmark failed: {e.Message}");
            if (server.LogDirectory is { } logs) Console.Error.WriteLine($"server logs: {logs}");
            return 1;
        }
    }
}

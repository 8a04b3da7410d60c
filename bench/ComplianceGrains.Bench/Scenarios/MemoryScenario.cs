using ComplianceGrains.Bench.Hosting;
using ComplianceGrains.Bench.Reporting;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>The grain host's resident memory after --users offering users' completion_status/ was read (grains active).</summary>
public sealed class MemoryScenario : IScenario
{
    public const double BarMb = 1536;
    private const int InFlight = 64;

    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var report = new ScenarioReport("memory");
        report.Add(new Figure("RSS before seeding", ProcessMemory.RssMb(GrainHostPid(context)), "MB"));
        var world = await context.Seeder.SeedWorldAsync(context.Options.Users);
        await MeasureAsync(context, world, report);
        return report;
    }

    public static int GrainHostPid(BenchContext context) => context.Server.GrainHostPid
        ?? throw new BenchException("memory needs the grain host's process: use --start-embedded or --server-pid");

    /// <summary>
    /// Reads every offering user's completion_status/ (activating its grain), then the grain host's RSS. With --settle,
    /// waits that long (grains with a short idle timeout, the users' and usernames' grains created by the seeding, are
    /// collected meanwhile; the offering users' grains stay), reads every completion_status/ again and the RSS again:
    /// the bar is checked on that second figure, the steady state of N active offering users.
    /// </summary>
    public static async Task MeasureAsync(BenchContext context, SeededWorld world, ScenarioReport report)
    {
        var pid = GrainHostPid(context);
        report.Add(new Figure("RSS before the completion_status/ reads", ProcessMemory.RssMb(pid), "MB"));
        await ReadAllAsync(context, world);
        var rss = report.Add(new Figure($"RSS with {world.Users.Count} offering-user grains active", ProcessMemory.RssMb(pid), "MB"));
        var settle = context.Options.Settle;
        if (settle > TimeSpan.Zero)
        {
            Console.WriteLine($"  waiting {settle.TotalSeconds:0} s (--settle) before reading again");
            await Task.Delay(settle);
            await ReadAllAsync(context, world);
            rss = report.Add(new Figure(
                $"RSS with {world.Users.Count} offering-user grains active, after {settle.TotalSeconds:0} s settling", ProcessMemory.RssMb(pid), "MB"));
        }
        report.Add(new Figure("peak RSS (VmHWM)", ProcessMemory.PeakRssMb(pid), "MB"));
        report.Checks.Add(BarCheck.AtMost($"RSS MB with {world.Users.Count} offering users active", rss, BarMb));
    }

    private static Task ReadAllAsync(BenchContext context, SeededWorld world) =>
        BoundedParallel.RunAsync("completion_status/ reads", world.Users.Count,
            i => context.Api.SendAsync(context.Api.Request(HttpMethod.Get, $"/api/marketplace-offering-users/{world.Users[i].Id}/completion_status/")),
            InFlight);
}

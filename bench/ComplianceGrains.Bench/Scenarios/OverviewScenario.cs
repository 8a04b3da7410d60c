using ComplianceGrains.Bench.Load;
using ComplianceGrains.Bench.Reporting;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// compliance_overview/ latency of a provider with --baseline-users offering users against one with --users, requests
/// to the two interleaved in one measurement (so the machine's drifting load affects both alike); the bar holds the
/// p99 of the large provider against the small one.
/// </summary>
public sealed class OverviewScenario : IScenario
{
    public const double FlatnessBar = 1.5;

    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var small = await context.Seeder.SeedWorldAsync(context.Options.BaselineUsers);
        var large = await context.Seeder.SeedWorldAsync(Math.Max(context.Options.Users, context.Options.BaselineUsers));
        var report = new ScenarioReport("overview");
        await MeasureAsync(context, small, large, report);
        return report;
    }

    public static async Task MeasureAsync(BenchContext context, SeededWorld small, SeededWorld large, ScenarioReport report)
    {
        await OverviewCounts.WaitForTotalAsync(context.Api, small.Provider, small.Users.Count, TimeSpan.FromMinutes(5));
        await OverviewCounts.WaitForTotalAsync(context.Api, large.Provider, large.Users.Count, TimeSpan.FromMinutes(5));
        var loads = await LoadRunner.RunInterleavedAsync(context.Load,
            ($"overview@{small.Users.Count}", Operations.Get(context.Api, _ => Operations.OverviewPath(small.Provider))),
            ($"overview@{large.Users.Count}", Operations.Get(context.Api, _ => Operations.OverviewPath(large.Provider))));
        foreach (var load in loads) report.Add(load);
        report.Checks.Add(BarCheck.AtMost($"overview p99 {large.Users.Count} / {small.Users.Count}",
            ScenarioReport.Ratio(loads[1].Latency.P99Ms, loads[0].Latency.P99Ms), FlatnessBar));
    }
}

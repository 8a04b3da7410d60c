using ComplianceGrains.Bench.Load;
using ComplianceGrains.Bench.Reporting;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// compliance_overview/ latency of one provider at the baseline size, then again after growing the same provider
/// to --users offering users; the bar holds the p99 of the large size against the small one.
/// </summary>
public sealed class OverviewScenario : IScenario
{
    public const double FlatnessBar = 1.5;

    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var world = await context.Seeder.SeedWorldAsync(context.Options.BaselineUsers);
        var report = new ScenarioReport("overview");
        await MeasureAsync(context, world, report);
        return report;
    }

    /// <summary>Measures at the world's current size, grows it to --users and measures again.</summary>
    public static async Task MeasureAsync(BenchContext context, SeededWorld world, ScenarioReport report)
    {
        var (small, large) = (world.Users.Count, Math.Max(context.Options.Users, world.Users.Count));
        var path = Operations.OverviewPath(world.Provider);
        var before = report.Add(await LoadRunner.RunAsync($"overview@{small}", context.Load, Operations.Get(context.Api, _ => path)));
        await context.Seeder.GrowAsync(world, large);
        await OverviewCounts.WaitForTotalAsync(context.Api, world.Provider, large, TimeSpan.FromMinutes(5));
        var after = report.Add(await LoadRunner.RunAsync($"overview@{large}", context.Load, Operations.Get(context.Api, _ => path)));
        report.Checks.Add(BarCheck.AtMost($"overview p99 {large} / {small}", ScenarioReport.Ratio(after.Latency.P99Ms, before.Latency.P99Ms), FlatnessBar));
    }
}

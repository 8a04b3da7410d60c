using ComplianceGrains.Bench.Hosting;
using ComplianceGrains.Bench.Reporting;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// overview, pending-page and memory with the large size seeded once: a provider with --baseline-users and one with
/// --users, their overviews measured side by side, the large one's pending pages, then every grain touched and the RSS read.
/// </summary>
public sealed class ScaleScenario : IScenario
{
    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var report = new ScenarioReport("scale");
        report.Add(new Figure("RSS before seeding", ProcessMemory.RssMb(MemoryScenario.GrainHostPid(context)), "MB"));
        var small = await context.Seeder.SeedWorldAsync(context.Options.BaselineUsers);
        var large = await context.Seeder.SeedWorldAsync(context.Options.Users);
        await OverviewScenario.MeasureAsync(context, small, large, report);
        await PendingPageScenario.MeasureAsync(context, large, report);
        await MemoryScenario.MeasureAsync(context, large, report);
        return report;
    }
}

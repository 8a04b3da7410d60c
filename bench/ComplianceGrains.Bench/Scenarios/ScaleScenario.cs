using ComplianceGrains.Bench.Hosting;
using ComplianceGrains.Bench.Reporting;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// overview, pending-page and memory on one world, so that the large size is seeded once: overview at
/// --baseline-users, growth to --users, overview again, the pending pages, then every grain touched and the RSS read.
/// </summary>
public sealed class ScaleScenario : IScenario
{
    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var report = new ScenarioReport("scale");
        report.Add(new Figure("RSS before seeding", ProcessMemory.RssMb(MemoryScenario.GrainHostPid(context)), "MB"));
        var world = await context.Seeder.SeedWorldAsync(context.Options.BaselineUsers);
        await OverviewScenario.MeasureAsync(context, world, report);
        await PendingPageScenario.MeasureAsync(context, world, report);
        await MemoryScenario.MeasureAsync(context, world, report);
        return report;
    }
}

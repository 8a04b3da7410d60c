using ComplianceGrains.Bench.Load;
using ComplianceGrains.Bench.Reporting;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>One operation measured on its own, on a freshly seeded world when it needs one.</summary>
public sealed class SingleLoadScenario(string name, bool seedsWorld, Func<BenchContext, SeededWorld?, Func<Random, Task>> operation) : IScenario
{
    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var world = seedsWorld ? await context.Seeder.SeedWorldAsync(context.Options.Users) : null;
        var report = new ScenarioReport(name);
        report.Add(await LoadRunner.RunAsync(name, context.Load, operation(context, world)));
        return report;
    }
}

using ComplianceGrains.Bench.Load;
using ComplianceGrains.Bench.Reporting;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>The HTTP ceiling, completion_status/ and submit_answers/ back to back in one run, as ratios to the ceiling.</summary>
public sealed class RatiosScenario : IScenario
{
    public const double CompletionStatusBar = 0.60;
    public const double SubmitBar = 0.30;

    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var world = await context.Seeder.SeedWorldAsync(context.Options.Users);
        var report = new ScenarioReport("ratios");
        var health = report.Add(await LoadRunner.RunAsync("health", context.Load, Operations.Health(context.Api)));
        var status = report.Add(await LoadRunner.RunAsync("completion-status", context.Load, Operations.CompletionStatus(context.Api, world.Users)));
        var submit = report.Add(await LoadRunner.RunAsync("submit", context.Load, Operations.Submit(context.Api, world.Users)));
        report.ThroughputRatio(status, health, CompletionStatusBar);
        report.ThroughputRatio(submit, health, SubmitBar);
        return report;
    }
}

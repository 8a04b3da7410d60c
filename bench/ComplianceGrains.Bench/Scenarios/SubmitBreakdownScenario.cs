using ComplianceGrains.Bench.Load;
using ComplianceGrains.Bench.Reporting;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// Where a submission's time goes, one layer added per load, side by side in one run: the bare HTTP pipeline, token
/// authentication, reading a completion through the offering-user grain, an empty submission (parsing, permission
/// and completion lookup, no write), and a submission of 5 answers (validation, state write, publication, history).
/// </summary>
public sealed class SubmitBreakdownScenario : IScenario
{
    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var api = context.Api;
        var world = await context.Seeder.SeedWorldAsync(context.Options.Users);
        var report = new ScenarioReport("submit-breakdown");
        var health = report.Add(await LoadRunner.RunAsync("health", context.Load, Operations.Health(api)));
        var loads = new[]
        {
            await LoadRunner.RunAsync("users/me (auth only)", context.Load, Operations.Get(api, _ => "/api/users/me/")),
            await LoadRunner.RunAsync("completion-status", context.Load, Operations.CompletionStatus(api, world.Users)),
            await LoadRunner.RunAsync("submit []", context.Load, random => api.SendAsync(api.Request(HttpMethod.Post,
                $"/api/marketplace-offering-users/{world.Users[random.Next(world.Users.Count)].Id}/submit_answers/", "[]"))),
            await LoadRunner.RunAsync("submit", context.Load, Operations.Submit(api, world.Users)),
        };
        foreach (var load in loads)
        {
            report.Add(load);
            report.Add(new Figure($"{load.Name} / health req/s", ScenarioReport.Ratio(load.RequestsPerSecond, health.RequestsPerSecond), ""));
            report.Add(new Figure($"{load.Name} mean service time per request", 1000.0 * load.Concurrency / Math.Max(load.RequestsPerSecond, 1e-9), "ms"));
        }
        return report;
    }
}

using ComplianceGrains.Bench.Reporting;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// Embedded mode's start on a full data directory: seeds --users offering users, kills the server, and times a new
/// one on the same directory until /health/ready (the projection's indexes, catalogs and members are loaded by then);
/// then checks that the seeded offering users answer.
/// </summary>
public sealed class ColdStartScenario : IScenario
{
    public const double BarSeconds = 10;

    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var report = new ScenarioReport("cold-start");
        var world = await context.Seeder.SeedWorldAsync(context.Options.Users);
        var toReady = await context.Server.RestartAsync();
        var seconds = report.Add(new Figure($"start to /health/ready with {world.Users.Count} offering users on disk", toReady.TotalSeconds, "s"));
        report.Checks.Add(BarCheck.AtMost($"cold start s with {world.Users.Count} offering users", seconds, BarSeconds));
        // Fails the run when the last seeded offering user does not answer after the restart.
        await context.Api.GetJsonAsync($"/api/marketplace-offering-users/{world.Users[^1].Id}/completion_status/");
        return report;
    }
}

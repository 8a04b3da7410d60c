using ComplianceGrains.Bench.Http;
using ComplianceGrains.Bench.Load;
using ComplianceGrains.Bench.Reporting;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// The provider's web pages at --users offering users (one in ten completed), as a signed-in staff user's browser
/// reads them: the dashboard, and offering-user pages of 50 at random page numbers, unfiltered and pending only.
/// </summary>
public sealed class PagesScenario : IScenario
{
    public const double P99BarMs = 100;
    private const int PageSize = 50;
    private const string Password = "bench-pages-password";

    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var report = new ScenarioReport("pages");
        var world = await context.Seeder.SeedWorldAsync(context.Options.Users);
        var completed = await PendingPageScenario.CompleteEveryTenthAsync(context, world);
        await OverviewCounts.WaitForTotalAsync(context.Api, world.Provider, world.Users.Count, TimeSpan.FromMinutes(5));

        var username = $"bench-pages-{Guid.NewGuid():N}"[..24];
        await context.Api.PostJsonAsync("/api/users/", new
        {
            username, full_name = "Bench pages", email = $"{username}@example.com", password = Password, is_staff = true,
        });
        using var session = await PageSession.SignInAsync(context.Server.Url, context.Options.Concurrency, username, Password);
        var provider = world.Provider.Provider;
        var allPages = (world.Users.Count + PageSize - 1) / PageSize;
        var pendingPages = (world.Users.Count - completed + PageSize - 1) / PageSize;

        var dashboard = report.Add(await LoadRunner.RunAsync("dashboard page", context.Load,
            _ => session.GetAsync($"/providers/{provider}/")));
        var users = report.Add(await LoadRunner.RunAsync("offering users page of 50, random page", context.Load,
            random => session.GetAsync($"/providers/{provider}/users/?page={random.Next(1, allPages + 1)}")));
        var pending = report.Add(await LoadRunner.RunAsync("pending offering users page of 50, random page", context.Load,
            random => session.GetAsync($"/providers/{provider}/users/?compliance_status=pending&page={random.Next(1, pendingPages + 1)}")));
        report.Checks.Add(BarCheck.AtMost("dashboard page p99 ms", dashboard.Latency.P99Ms, P99BarMs));
        report.Checks.Add(BarCheck.AtMost("offering users page p99 ms", users.Latency.P99Ms, P99BarMs));
        report.Checks.Add(BarCheck.AtMost("pending offering users page p99 ms", pending.Latency.P99Ms, P99BarMs));
        return report;
    }
}

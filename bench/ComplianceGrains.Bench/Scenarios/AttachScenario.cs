using System.Diagnostics;
using ComplianceGrains.Bench.Http;
using ComplianceGrains.Bench.Reporting;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// An offering with --users offering users and no checklist gets one: the time until compliance_sync/ is idle
/// and compliance_overview/ counts a completion for every offering user.
/// </summary>
public sealed class AttachScenario : IScenario
{
    public const double BarSeconds = 5;
    private const int Questions = 10;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);
    private const string FailedFigure = "compliance_sync/ first reported failed after";

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var api = context.Api;
        var users = context.Options.Users;
        var provider = await context.Seeder.CreateProviderAsync();
        var checklist = await context.Seeder.CreateChecklistAsync(Questions);
        var offering = await context.Seeder.CreateOfferingAsync(provider, checklist: null);
        await context.Seeder.AddOfferingUsersAsync(_ => offering, users);
        await OverviewCounts.WaitForTotalAsync(api, provider, users, TimeSpan.FromMinutes(5));

        var report = new ScenarioReport("attach");
        Console.WriteLine($"  attaching a {Questions}-question checklist to an offering with {users} offering users");
        var clock = Stopwatch.StartNew();
        await api.PostJsonAsync($"/api/marketplace-provider-offerings/{offering.Id}/update_compliance_checklist/", new { compliance_checklist = checklist.Id });
        report.Add(new Figure("update_compliance_checklist/ response", clock.Elapsed.TotalMilliseconds, "ms"));

        double? idleAt = null;
        while (true)
        {
            if (clock.Elapsed > Timeout) throw new BenchException($"the attach did not finish within {Timeout.TotalMinutes} minutes");
            var sync = await api.GetJsonAsync($"/api/marketplace-provider-offerings/{offering.Id}/compliance_sync/");
            if (sync.Text("state") == "failed" && !report.Figures.Any(f => f.Name == FailedFigure))
            {
                // The job's reminder resumes a failed job; the time to the end still counts, and the failure is reported.
                Console.WriteLine($"  compliance_sync/ failed at {sync.Number("processed")}/{sync.Number("total")}: {Shorten(sync.Text("error"))}");
                report.Add(new Figure(FailedFigure, clock.Elapsed.TotalSeconds, "s"));
            }
            if (sync.Text("state") == "idle") idleAt ??= clock.Elapsed.TotalSeconds;
            var (_, counted) = await OverviewCounts.ReadAsync(api, provider, offering.Id);
            if (idleAt is not null && counted == users) break;
            await Task.Delay(PollInterval);
        }
        var done = clock.Elapsed.TotalSeconds;
        report.Add(new Figure("compliance_sync/ idle after", idleAt!.Value, "s"));
        report.Add(new Figure("all completions counted after", done, "s"));
        report.Add(new Figure("completions per second", users / done, "1/s"));
        report.Checks.Add(BarCheck.AtMost($"attach {users} offering users, s", done, BarSeconds));
        return report;
    }
}

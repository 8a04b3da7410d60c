using System.Collections.Concurrent;
using System.Diagnostics;
using ComplianceGrains.Bench.Http;
using ComplianceGrains.Bench.Load;
using ComplianceGrains.Bench.Reporting;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// After a seeded --users world took --duration seconds of concurrent submissions (complete and incomplete answer
/// sets, so that completed counts move both ways) and, a third into them, a change of one offering's checklist (its
/// lifecycle job running under the load), the compliance_overview/ counters of every offering equal a recount from the
/// projection (the provider's offering_users/ counts) and one from the grains (every offering user's completion_status/).
/// </summary>
public sealed class ConsistencyScenario : IScenario
{
    private const int ReplacementQuestions = 8;
    private const int InFlight = 64;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan AgreeTimeout = TimeSpan.FromSeconds(30);

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var api = context.Api;
        var world = await context.Seeder.SeedWorldAsync(context.Options.Users);
        await OverviewCounts.WaitForTotalAsync(api, world.Provider, world.Users.Count, TimeSpan.FromMinutes(5));
        var changed = world.Offerings[0];
        var replacement = await context.Seeder.CreateChecklistAsync(ReplacementQuestions);
        var replacementName = (await api.GetJsonAsync($"/api/checklists-admin/{replacement.Id}/")).Text("name");
        var report = new ScenarioReport("consistency");

        // Every submission is recorded (no warm-up); the changed offering's users get the new checklist's answers once
        // the change is acknowledged (until then a submission of the old one's may be refused, and counts as failed).
        var checklists = new ConcurrentDictionary<string, SeededChecklist>(world.Offerings.ToDictionary(o => o.Id, o => o.Checklist!));
        SeededChecklist ChecklistOf(SeededOffering offering) => checklists[offering.Id];
        var settings = context.Load with { Warmup = TimeSpan.Zero };
        var changeAfter = settings.Duration / 3;
        Console.WriteLine($"  {world.Users.Count} offering users over {world.Offerings.Count} offerings; the checklist of offering {changed.Id} " +
                          $"changes {changeAfter.TotalSeconds:0.#} s into the submissions");
        var load = LoadRunner.RunInterleavedAsync(settings,
            ("submit, changed offering", Operations.SubmitCompleteOrIncomplete(api, world.Users.Where(u => u.Offering.Id == changed.Id).ToList(), ChecklistOf)),
            ("submit, other offerings", Operations.SubmitCompleteOrIncomplete(api, world.Users.Where(u => u.Offering.Id != changed.Id).ToList(), ChecklistOf)));
        var change = ChangeUnderLoadAsync(api, changed, replacement, changeAfter, checklists, report);
        await Task.WhenAll(load, change);
        foreach (var result in load.Result) report.Add(result);
        report.Add(new Figure("submissions acknowledged", load.Result.Sum(r => r.Requests), "requests"));
        report.Add(new Figure("submissions failed", load.Result.Sum(r => r.Errors), "requests"));

        var statuses = await BoundedParallel.RunAsync("completion_status/ of every offering user (grain recount)", world.Users.Count, async i =>
        {
            var status = await api.GetJsonAsync($"/api/marketplace-offering-users/{world.Users[i].Id}/completion_status/");
            return (Completed: status.Flag("is_completed"), Checklist: status.Text("checklist_name"));
        }, InFlight);
        var grains = world.Offerings.ToDictionary(o => o.Id, o =>
        {
            var mine = statuses.Where((_, i) => world.Users[i].Offering.Id == o.Id).ToList();
            var completed = mine.Count(s => s.Completed);
            return new OfferingCounts(mine.Count, completed, mine.Count - completed);
        });
        var stale = statuses.Where((s, i) => world.Users[i].Offering.Id == changed.Id && s.Checklist != replacementName).Count();

        // The overview and the projection follow the grains' writes (snapshots are published after the write is
        // acknowledged): poll both until they match the grain recount, for a bounded time.
        var clock = Stopwatch.StartNew();
        IReadOnlyDictionary<string, OfferingCounts> overview, projection;
        while (true)
        {
            overview = await OverviewCounts.ReadPerOfferingAsync(api, world.Provider);
            projection = await ProjectionCountsAsync(api, world);
            var agree = world.Offerings.All(o => overview.GetValueOrDefault(o.Id) == grains[o.Id] && projection[o.Id] == grains[o.Id]);
            if (agree || clock.Elapsed > AgreeTimeout)
            {
                Console.WriteLine(agree
                    ? $"  overview, projection and grains agree after {clock.Elapsed.TotalSeconds:0.0} s of polling"
                    : $"  overview, projection and grains still differ after {clock.Elapsed.TotalSeconds:0.0} s of polling");
                break;
            }
            await Task.Delay(PollInterval);
        }

        var completedInAll = 0L;
        foreach (var (offering, n) in world.Offerings.Select((o, i) => (o, i + 1)))
        {
            var label = $"offering {n}{(offering.Id == changed.Id ? " (changed)" : "")}";
            var fromOverview = overview.GetValueOrDefault(offering.Id)
                ?? throw new BenchException($"compliance_overview/ has no row for offering {offering.Id}");
            var fromProjection = projection[offering.Id];
            var fromGrains = grains[offering.Id];
            completedInAll += fromGrains.Completed;
            Console.WriteLine($"  {label} {offering.Id}: overview {fromOverview} | projection {fromProjection} | grains {fromGrains}");
            report.Add(new Figure($"{label} completed: overview", fromOverview.Completed, "users"));
            report.Add(new Figure($"{label} completed: projection", fromProjection.Completed, "users"));
            report.Add(new Figure($"{label} completed: grains", fromGrains.Completed, "users"));
            var differing = 0;
            foreach (var (counter, read) in new (string, Func<OfferingCounts, long>)[] { ("total", c => c.Total), ("completed", c => c.Completed), ("pending", c => c.Pending) })
            {
                if (read(fromOverview) == read(fromGrains) && read(fromProjection) == read(fromGrains)) continue;
                differing++;
                Console.WriteLine($"  MISMATCH {label} {offering.Id} {counter}: overview {read(fromOverview)}, projection {read(fromProjection)}, grains {read(fromGrains)}");
            }
            report.Checks.Add(BarCheck.AtMost($"{label} counters where overview, projection and grains differ", differing, 0));
        }
        report.Checks.Add(BarCheck.AtMost("changed offering's users whose completion_status/ is not on the new checklist", stale, 0));
        report.Checks.Add(BarCheck.AtLeast("completed offering users counted by the grains (submissions moved the counts)", completedInAll, 1));
        return report;
    }

    /// <summary>
    /// A third into the submissions, points the offering at another checklist, then waits until its compliance_sync/
    /// job is idle on that checklist (the job's reminder resumes a failed job; a failure is reported).
    /// </summary>
    private static async Task ChangeUnderLoadAsync(ApiClient api, SeededOffering offering, SeededChecklist replacement, TimeSpan after,
        ConcurrentDictionary<string, SeededChecklist> checklists, ScenarioReport report)
    {
        await Task.Delay(after); // a point in the load, not a wait for a condition
        Console.WriteLine($"  changing the checklist of offering {offering.Id} to {replacement.Id} ({replacement.Questions.Count} questions)");
        var clock = Stopwatch.StartNew();
        await api.PostJsonAsync($"/api/marketplace-provider-offerings/{offering.Id}/update_compliance_checklist/", new { compliance_checklist = replacement.Id });
        checklists[offering.Id] = replacement;
        report.Add(new Figure("update_compliance_checklist/ response under load", clock.Elapsed.TotalMilliseconds, "ms"));

        var failed = false;
        while (true)
        {
            if (clock.Elapsed > SyncTimeout) throw new BenchException($"compliance_sync/ was not idle within {SyncTimeout.TotalMinutes} minutes");
            var sync = await api.GetJsonAsync($"/api/marketplace-provider-offerings/{offering.Id}/compliance_sync/");
            if (sync.Text("state") == "failed" && !failed)
            {
                failed = true;
                Console.WriteLine($"  compliance_sync/ failed at {sync.Number("processed")}/{sync.Number("total")}: {Shorten(sync.Text("error"))}");
                report.Add(new Figure("compliance_sync/ first reported failed after", clock.Elapsed.TotalSeconds, "s"));
            }
            if (sync.Text("state") == "idle" && sync.Text("checklist") == replacement.Id)
            {
                report.Add(new Figure($"compliance_sync/ idle after ({sync.Number("processed")}/{sync.Number("total")} offering users)", clock.Elapsed.TotalSeconds, "s"));
                return;
            }
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Each offering's counts from the projection: the X-Result-Count of the provider's offering_users/, filtered.</summary>
    private static async Task<IReadOnlyDictionary<string, OfferingCounts>> ProjectionCountsAsync(ApiClient api, SeededWorld world)
    {
        var counts = new Dictionary<string, OfferingCounts>();
        foreach (var offering in world.Offerings)
        {
            Task<long> Count(string filter) =>
                api.ResultCountAsync(Operations.ProviderOfferingUsersPath(world.Provider, $"offering_uuid={offering.Id}{filter}&page_size=1"));
            counts[offering.Id] = new OfferingCounts(await Count(""), await Count("&compliance_status=completed"), await Count("&compliance_status=pending"));
        }
        return counts;
    }
}

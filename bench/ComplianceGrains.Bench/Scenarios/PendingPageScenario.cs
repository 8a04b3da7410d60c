using ComplianceGrains.Bench.Load;
using ComplianceGrains.Bench.Reporting;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// offering_users/?compliance_status=pending&amp;page_size=100 of a provider with --users offering users, one in ten
/// of them completed: the first page, and pages picked at random over the whole result.
/// </summary>
public sealed class PendingPageScenario : IScenario
{
    public const double P99BarMs = 50;
    private const int PageSize = 100;
    private const int CompletedEvery = 10;

    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var report = new ScenarioReport("pending-page");
        await MeasureAsync(context, await context.Seeder.SeedWorldAsync(context.Options.Users), report);
        return report;
    }

    /// <summary>Completes the checklists of one offering user in ten and returns how many.</summary>
    public static async Task<int> CompleteEveryTenthAsync(BenchContext context, SeededWorld world)
    {
        var completed = world.Users.Where((_, i) => i % CompletedEvery == 0).ToList();
        await BoundedParallel.RunAsync("completed checklists", completed.Count, i => context.Api.SendAsync(context.Api.Request(
            HttpMethod.Post, $"/api/marketplace-offering-users/{completed[i].Id}/submit_answers/",
            AnswerPayloads.Complete(completed[i].Offering.Checklist!, new Random(i)))));
        return completed.Count;
    }

    /// <summary>Completes one offering user in ten, then measures the pending pages of the world's provider.</summary>
    public static async Task MeasureAsync(BenchContext context, SeededWorld world, ScenarioReport report)
    {
        var completedCount = await CompleteEveryTenthAsync(context, world);

        var query = $"compliance_status=pending&page_size={PageSize}";
        var pending = await context.Api.ResultCountAsync(Operations.ProviderOfferingUsersPath(world.Provider, query));
        report.Add(new Figure("pending offering users", pending, "rows"));
        if (pending != world.Users.Count - completedCount)
            throw new BenchException($"offering_users/ counts {pending} pending, expected {world.Users.Count - completedCount}");
        var pages = (int)((pending + PageSize - 1) / PageSize);

        var first = report.Add(await LoadRunner.RunAsync("pending page 1", context.Load,
            Operations.Get(context.Api, _ => Operations.ProviderOfferingUsersPath(world.Provider, query))));
        var random = report.Add(await LoadRunner.RunAsync("pending random page", context.Load,
            Operations.Get(context.Api, r => Operations.ProviderOfferingUsersPath(world.Provider, $"{query}&page={r.Next(1, pages + 1)}"))));
        report.Checks.Add(BarCheck.AtMost("pending page 1 p99 ms", first.Latency.P99Ms, P99BarMs));
        report.Checks.Add(BarCheck.AtMost("pending random page p99 ms", random.Latency.P99Ms, P99BarMs));
    }
}

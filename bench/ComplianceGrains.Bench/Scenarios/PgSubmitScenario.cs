using ComplianceGrains.Bench.Load;
using ComplianceGrains.Bench.Reporting;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// submit_answers/ throughput against a raw Npgsql upsert of the same JSON payload into a scratch table, at the same
/// concurrency, in the same run. The bar is for cluster mode; against an embedded server (which stores nothing in
/// PostgreSQL) the same run gives the ceiling that no storage design of cluster mode can exceed on the machine.
/// </summary>
public sealed class PgSubmitScenario : IScenario
{
    public const double Bar = 0.50;

    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var connectionString = context.Options.Postgres ?? throw new BenchException("pg-submit needs --postgres");
        var world = await context.Seeder.SeedWorldAsync(context.Options.Users);
        var report = new ScenarioReport("pg-submit");
        var submit = report.Add(await LoadRunner.RunAsync($"submit ({ServerMode(context.Options)})", context.Load, Operations.Submit(context.Api, world.Users)));
        await using var baseline = await RawUpsertBaseline.CreateAsync(connectionString, context.Options.Concurrency);
        var raw = report.Add(await LoadRunner.RunAsync("raw Npgsql upsert", context.Load, random =>
        {
            var user = world.Users[random.Next(world.Users.Count)];
            return baseline.UpsertAsync(Guid.Parse(user.Id), AnswerPayloads.For(user.Offering.Checklist!, random));
        }));
        report.ThroughputRatio(submit, raw, Bar);
        return report;
    }

    private static string ServerMode(BenchOptions options) =>
        options.StartCluster ? "cluster" : options.StartEmbedded ? "embedded, no database" : options.Url.ToString();
}

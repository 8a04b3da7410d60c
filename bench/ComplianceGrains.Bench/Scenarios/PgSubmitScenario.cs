using ComplianceGrains.Bench.Load;
using ComplianceGrains.Bench.Reporting;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// Cluster mode: submit_answers/ throughput against a raw Npgsql upsert of the same JSON payload into a scratch
/// table, at the same concurrency, in the same run.
/// </summary>
public sealed class PgSubmitScenario : IScenario
{
    public const double Bar = 0.50;

    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var connectionString = context.Options.Postgres ?? throw new BenchException("pg-submit needs --postgres");
        var world = await context.Seeder.SeedWorldAsync(context.Options.Users);
        var report = new ScenarioReport("pg-submit");
        var submit = report.Add(await LoadRunner.RunAsync("submit (cluster)", context.Load, Operations.Submit(context.Api, world.Users)));
        await using var baseline = await RawUpsertBaseline.CreateAsync(connectionString, context.Options.Concurrency);
        var raw = report.Add(await LoadRunner.RunAsync("raw Npgsql upsert", context.Load, random =>
        {
            var user = world.Users[random.Next(world.Users.Count)];
            return baseline.UpsertAsync(Guid.Parse(user.Id), AnswerPayloads.For(user.Offering.Checklist!, random));
        }));
        report.ThroughputRatio(submit, raw, Bar);
        return report;
    }
}

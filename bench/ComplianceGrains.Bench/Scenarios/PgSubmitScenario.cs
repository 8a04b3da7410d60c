using ComplianceGrains.Bench.Hosting;
using ComplianceGrains.Bench.Load;
using ComplianceGrains.Bench.Reporting;
using ComplianceGrains.Bench.Seeding;
using Npgsql;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>
/// submit_answers/ throughput, in one run and at the same concurrency, against: the conventional implementation
/// (bench/ReferenceServer: one transaction of reads, answer upserts, history inserts and a completion update, over
/// HTTP), the same transaction replayed by pgbench with no HTTP, and a raw Npgsql upsert of the same JSON payload.
/// The bars are for cluster mode; against an embedded server (which stores nothing in PostgreSQL) the same run gives
/// the ceiling that no storage design of cluster mode can exceed on the machine.
/// </summary>
public sealed class PgSubmitScenario : IScenario
{
    public const double ReferenceBar = 2.0;
    public const double RawUpsertBar = 0.25;
    public const double P99BarMs = 50;

    public async Task<ScenarioReport> RunAsync(BenchContext context)
    {
        var connectionString = context.Options.Postgres ?? throw new BenchException("pg-submit needs --postgres");
        var world = await context.Seeder.SeedWorldAsync(context.Options.Users);
        await AnalyzeAsync(connectionString);
        var report = new ScenarioReport("pg-submit");
        var submit = report.Add(await LoadRunner.RunAsync($"submit ({ServerMode(context.Options)})", context.Load, Operations.Submit(context.Api, world.Users)));

        var logs = context.Server.LogDirectory ?? Directory.CreateTempSubdirectory("compliance-bench-").FullName;
        LoadResult reference;
        await using (var server = await ReferenceServer.StartAsync(connectionString, context.Server.Token, world, context.Options.Concurrency, logs))
            reference = report.Add(await LoadRunner.RunAsync("submit (reference server)", context.Load, Operations.Submit(server.Api, world.Users)));
        var replay = report.Add(new Figure("pgbench -M prepared replay of the reference transaction",
            await PgbenchReplay.TransactionsPerSecondAsync(connectionString, context.Server.Token, world.Users.Count,
                context.Options.Concurrency, context.Options.Warmup, context.Options.Duration), "tx/s"));

        await using var baseline = await RawUpsertBaseline.CreateAsync(connectionString, context.Options.Concurrency);
        var raw = report.Add(await LoadRunner.RunAsync("raw Npgsql upsert", context.Load, random =>
        {
            var user = world.Users[random.Next(world.Users.Count)];
            return baseline.UpsertAsync(Guid.Parse(user.Id), AnswerPayloads.For(user.Offering.Checklist!, random));
        }));
        report.ThroughputRatio(submit, reference, ReferenceBar);
        report.Checks.Add(BarCheck.AtLeast($"{submit.Name} / pgbench replay", ScenarioReport.Ratio(submit.RequestsPerSecond, replay), ReferenceBar));
        report.ThroughputRatio(submit, raw, RawUpsertBar);
        report.Checks.Add(BarCheck.AtMost($"{submit.Name} p99 ms at concurrency {context.Options.Concurrency}", submit.Latency.P99Ms, P99BarMs));
        return report;
    }

    /// <summary>
    /// Statistics for the seeded tables, as the reference server takes them after loading its own (WorldLoader) and as
    /// autovacuum would within its next round: planned with those of a nearly empty table, a batch's update scans every
    /// grain state of the service (a hash join) instead of looking its rows up.
    /// </summary>
    private static async Task AnalyzeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("ANALYZE", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string ServerMode(BenchOptions options) =>
        options.StartCluster ? "cluster" : options.StartEmbedded ? "embedded, no database" : options.Url.ToString();
}

using System.Net;
using ComplianceGrains.Tests.Postgres;
using ComplianceGrains.Tests.Processes;
using ComplianceGrains.Tests.Support;
using Xunit.Abstractions;

namespace ComplianceGrains.Tests.Observability;

/// <summary>
/// Cluster mode read as an operator reads it: every silo's /metrics on its own port, the front end's, and the Orleans
/// dashboard served by the front end (an Orleans client) from the silos' dashboard grains.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ClusterObservabilityTests(PostgresDatabaseFixture database, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    [PostgresFact]
    public async Task Each_silo_and_the_front_end_are_scraped_and_the_dashboard_shows_the_cluster_to_staff_only()
    {
        await using var cluster = await ProcessCluster.StartAsync(database.ConnectionString, silos: 2, output);
        using var scraper = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var world = await cluster.Api.CreateOfferingUserWorldAsync(new { description = "Agree", question_type = "boolean", required = true });
        var before = await Task.WhenAll(cluster.SiloMetrics.Select(uri => ScrapeAsync(scraper, uri)));

        for (var i = 0; i < 3; i++)
            (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], i % 2 == 0))).Expect(HttpStatusCode.OK);

        var after = await Task.WhenAll(cluster.SiloMetrics.Select(uri => ScrapeAsync(scraper, uri)));
        var accepted = (string Name) => after.Sum(s => s.Value(Name, ("outcome", "accepted"))) - before.Sum(s => s.Value(Name, ("outcome", "accepted")));
        Assert.Equal(3, accepted("compliance_submissions_total"));
        foreach (var silo in after)
        {
            await silo.LintAsync();
            Assert.Contains("service_name=\"compliance-silo\"", silo.Text);
            Assert.True(silo.Value("orleans_grains") > 0, "the Orleans meter");
            Assert.Contains("db_client_", silo.Text);
        }
        Assert.Contains(after, silo => silo.Value("compliance_group_commit_batch_size_count", ("store", "projection")) > 0);

        var frontEnd = await ScrapeAsync(cluster.Http, new Uri("/metrics", UriKind.Relative));
        await frontEnd.LintAsync();
        Assert.True(frontEnd.Value("http_server_request_duration_seconds_count") >= 3, "ASP.NET Core's request metrics");

        var page = (await cluster.Api.Admin.GetAsync("/dashboard/")).Expect(HttpStatusCode.OK);
        Assert.Contains("Orleans Dashboard", page.Body);
        var counters = (await cluster.Api.Admin.GetAsync("/dashboard/DashboardCounters")).Expect(HttpStatusCode.OK);
        Assert.Contains("OfferingUserGrain", counters.Body);
        (await cluster.Api.Anonymous.GetAsync("/dashboard/DashboardCounters")).Expect(HttpStatusCode.Unauthorized);
        (await world.User.Client.GetAsync("/dashboard/")).Expect(HttpStatusCode.Forbidden);
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client, Uri uri)
    {
        using var response = await client.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }
}

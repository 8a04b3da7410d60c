using System.Diagnostics;
using System.Net;
using ComplianceGrains.Silo.Schema;
using ComplianceGrains.Tests.Postgres;
using ComplianceGrains.Tests.Support;
using Xunit.Abstractions;
using static ComplianceGrains.Tests.Processes.ComplianceSetup;

namespace ComplianceGrains.Tests.Processes;

/// <summary>PostgreSQL stops under load and comes back; silos and front end keep running throughout.</summary>
[Collection(ProcessCollection.Name)]
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private const int Clients = 3;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(10);

    [PostgresFact]
    public async Task While_PostgreSQL_is_down_requests_fail_fast_with_503_and_succeed_again_once_it_is_back()
    {
        // The shared test server must stay up for the other tests: this test stops a server of its own.
        PostgresServer.RequireConnectionString();
        await using var postgres = await PrivatePostgres.StartAsync();
        await new SchemaMigrator(postgres.ConnectionString).MigrateAsync();
        await using var cluster = await ProcessCluster.StartAsync(postgres.ConnectionString, silos: 1, output);
        var api = cluster.Api;
        var setup = await CreateAsync(api);
        var offeringUsers = new List<string>();
        for (var i = 0; i < Clients; i++)
        {
            offeringUsers.Add(await api.CreateOfferingUserAsync(setup.Offering, await api.CreateUserRecordAsync()));
            (await SubmitAsync(api.Admin, offeringUsers[i], setup.Answers("before", required: true))).Expect(HttpStatusCode.OK);
        }

        await postgres.StopAsync();
        var answers = await Task.WhenAll(offeringUsers.Select(offeringUser => RequestWhileDownAsync(cluster, setup, offeringUser)));

        var all = answers.SelectMany(list => list).ToList();
        output.WriteLine($"{all.Count} requests while PostgreSQL was down; slowest {all.Max(a => a.Elapsed).TotalSeconds:F2} s");
        Assert.All(all, a => Assert.True(a.Elapsed < FailFast, $"{a.Request} took {a.Elapsed.TotalSeconds:F1} s"));
        Assert.All(all, a => Assert.True(
            a.Status == HttpStatusCode.ServiceUnavailable || (a.Status == HttpStatusCode.OK && !a.Writes),
            $"{a.Request} answered {(int?)a.Status} while PostgreSQL was down: {a.Body}"));
        Assert.Contains(all, a => a.Writes);

        await postgres.StartAsync(TimeSpan.FromSeconds(60));
        foreach (var offeringUser in offeringUsers)
        {
            // A submission that failed is not stored, not even in the memory of its grain.
            Assert.Equal("before", await NoteAsync(api.Admin, setup, offeringUser));
            await Poll.UntilAsync(
                async () => (await SubmitAsync(api.Admin, offeringUser, setup.Answers("after", required: true))).Status == HttpStatusCode.OK,
                TimeSpan.FromSeconds(30), "submissions succeed again once PostgreSQL is back");
            Assert.Equal("after", await NoteAsync(api.Admin, setup, offeringUser));
            var history = (await api.Admin.ListAllAsync(OfferingUser(offeringUser) + "/history/"))
                .Select(entry => entry["answer_data"]!.ToString()).ToList();
            Assert.Contains("before", history);
            Assert.Contains("after", history);
            Assert.DoesNotContain("during", history);
        }
        await Poll.UntilAsync(async () => (await cluster.Http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "/health/ready answers 200 again");
        Assert.DoesNotContain(cluster.Silos, silo => silo.HasExited);
    }

    private sealed record Answer(string Request, bool Writes, HttpStatusCode? Status, string Body, TimeSpan Elapsed);

    /// <summary>Submissions and reads (grain memory, the projection, readiness) for the length of the outage.</summary>
    private static async Task<List<Answer>> RequestWhileDownAsync(ProcessCluster cluster, ComplianceSetup setup, string offeringUser)
    {
        using var http = cluster.NewHttpClient(FailFast + TimeSpan.FromSeconds(5));
        var caller = new ApiClient(http, ProcessCluster.AdminToken);
        var answers = new List<Answer>();
        var outage = Stopwatch.StartNew();
        while (outage.Elapsed < Outage)
        {
            await TimeAsync("submit_answers", writes: true, () => SubmitAsync(caller, offeringUser, setup.Answers("during", required: false)));
            await TimeAsync("completion_status", writes: false, () => caller.GetAsync(OfferingUser(offeringUser) + "/completion_status/"));
            await TimeAsync("offering_users", writes: false,
                () => caller.GetAsync($"/api/marketplace-service-providers/{setup.Provider}/compliance/offering_users/"));
            await TimeAsync("health/ready", writes: false, () => caller.GetAsync("/health/ready"));
        }
        return answers;

        async Task TimeAsync(string request, bool writes, Func<Task<ApiResponse>> send)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var response = await send();
                answers.Add(new Answer(request, writes, response.Status, response.Body, clock.Elapsed));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                answers.Add(new Answer(request, writes, null, e.Message, clock.Elapsed));
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ComplianceGrains.Tests.Postgres;
using ComplianceGrains.Tests.Support;
using Xunit.Abstractions;
using static ComplianceGrains.Tests.Processes.ComplianceSetup;

namespace ComplianceGrains.Tests.Processes;

[Collection(ProcessCollection.Name)]
public sealed class ProcessDurabilityTests(PostgresDatabaseFixture database, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Clients = 8;
    private const int MaxSubmissionsPerClient = 150;
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(30);
    /// <summary>Longer than Orleans' default response timeout (30 s), so that a request held that long is measured, not cut.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(45);

    /// <summary>The longest any request may take, also one in flight to the silo that is killed (issue 18).</summary>
    private static readonly TimeSpan LongestRequestBound = TimeSpan.FromSeconds(10);

    [PostgresFact]
    public async Task Everything_created_through_the_API_survives_a_restart_of_every_process()
    {
        await using var cluster = await ProcessCluster.StartAsync(database.ConnectionString, silos: 2, output);
        var api = cluster.Api;
        var setup = await CreateAsync(api);
        var john = await api.CreateUserAsync();
        var manager = await api.CreateUserAsync();
        await api.AddRoleAsync(setup.Customer, manager, "manager");
        var johns = await api.CreateOfferingUserAsync(setup.Offering, john);
        var other = await api.CreateOfferingUserAsync(setup.Offering, await api.CreateUserRecordAsync());
        (await SubmitAsync(john.Client, johns, setup.Answers("first", required: null))).Expect(HttpStatusCode.OK);
        (await SubmitAsync(john.Client, johns, setup.Answers("second", required: true))).Expect(HttpStatusCode.OK);
        (await SubmitAsync(api.Admin, other, setup.Answers("by staff", required: null))).Expect(HttpStatusCode.OK);

        string[] offeringUserViews = ["/", "/completion_status/", "/checklist/", "/history/"];
        var reads = new List<(ApiClient Client, string Path)>
        {
            (api.Admin, $"/api/users/{john.Id}/"),
            (api.Admin, $"/api/users/{manager.Id}/"),
            (api.Admin, $"/api/customers/{setup.Customer}/"),
            (api.Admin, $"/api/marketplace-service-providers/{setup.Provider}/"),
            (api.Admin, $"/api/marketplace-provider-offerings/{setup.Offering}/"),
            (api.Admin, $"/api/checklists-admin/{setup.Checklist}/"),
            (api.Admin, $"/api/checklists-admin/{setup.Checklist}/questions/"),
            (api.Admin, setup.Overview),
            (api.Admin, $"/api/marketplace-service-providers/{setup.Provider}/compliance/offering_users/"),
            (manager.Client, $"/api/marketplace-service-providers/{setup.Provider}/compliance/offering_users/?compliance_status=completed"),
        };
        reads.AddRange(offeringUserViews.Select(view => (john.Client, OfferingUser(johns) + view)));
        reads.AddRange(offeringUserViews.Select(view => (api.Admin, OfferingUser(other) + view)));

        var before = await ReadAllAsync(reads);
        Assert.Equal(3, (await john.Client.ListAllAsync(OfferingUser(johns) + "/history/")).Count);
        Assert.True(await IsCompletedAsync(john.Client, johns));

        await cluster.RestartAsync();

        var after = await ReadAllAsync(reads);
        foreach (var (path, body) in before)
            Assert.True(body == after[path], $"{path} changed across the restart:\nbefore: {body}\nafter:  {after[path]}");
    }

    [PostgresFact]
    public async Task Killing_one_of_three_silos_under_load_loses_no_acknowledged_submission_and_holds_no_request_for_long()
    {
        await using var cluster = await ProcessCluster.StartAsync(database.ConnectionString, silos: 3, output);
        var api = cluster.Api;
        var setup = await CreateAsync(api);
        var offeringUsers = new List<string>();
        for (var i = 0; i < Clients; i++)
            offeringUsers.Add(await api.CreateOfferingUserAsync(setup.Offering, await api.CreateUserRecordAsync()));
        // Even clients answer the required question (completed), odd ones never do (pending).
        bool? Required(int client) => client % 2 == 0 ? true : null;

        var acknowledged = offeringUsers.Select(_ => new ConcurrentQueue<string>()).ToArray();
        var unexpected = new ConcurrentQueue<string>();
        var longest = TimeSpan.Zero;
        var longestRequest = "";
        void Measure(Stopwatch clock, string note)
        {
            lock (unexpected)
                if (clock.Elapsed > longest) (longest, longestRequest) = (clock.Elapsed, note);
        }
        async Task<bool> SubmitNoteAsync(ApiClient caller, int client, string note)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var response = await SubmitAsync(caller, offeringUsers[client], setup.Answers(note, Required(client)));
                Measure(clock, note);
                if (response.Status == HttpStatusCode.OK) acknowledged[client].Enqueue(note);
                else if (response.Status != HttpStatusCode.ServiceUnavailable) unexpected.Enqueue($"{note}: {response}");
                return response.Status == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Measure(clock, note);
                return false; // no answer: not acknowledged, so the test expects nothing of it
            }
        }

        using var loadOver = new CancellationTokenSource(LoadDuration);
        var load = offeringUsers.Select((_, client) => Task.Run(async () =>
        {
            using var http = cluster.NewHttpClient(RequestTimeout);
            var caller = new ApiClient(http, ProcessCluster.AdminToken);
            for (var i = 0; i < MaxSubmissionsPerClient && !loadOver.IsCancellationRequested; i++)
                await SubmitNoteAsync(caller, client, $"client-{client}-{i}");
        })).ToArray();

        await Poll.UntilAsync(() => Task.FromResult(acknowledged.All(notes => notes.Count >= 3)), TimeSpan.FromSeconds(30),
            "every client had three submissions acknowledged before the kill");
        var sinceKill = Stopwatch.StartNew();
        cluster.KillSilo(1);

        // The API answers again: every offering user (wherever its grain lived) accepts a submission.
        using var probeHttp = cluster.NewHttpClient(RequestTimeout);
        var probe = new ApiClient(probeHttp, ProcessCluster.AdminToken);
        await Task.WhenAll(offeringUsers.Select((_, client) => Poll.UntilAsync(
            () => SubmitNoteAsync(probe, client, $"probe-{client}-{Guid.NewGuid():N}"),
            RecoveryBound, $"offering user {client} accepts submissions again after the kill")));
        output.WriteLine($"every offering user accepted a submission {sinceKill.Elapsed.TotalSeconds:F1} s after the kill");
        await Task.WhenAll(load);
        output.WriteLine($"acknowledged per client: {string.Join(", ", acknowledged.Select(notes => notes.Count))}");
        output.WriteLine($"longest request: {longest.TotalSeconds:F1} s ({longestRequest})");
        Assert.True(longest < LongestRequestBound, $"the longest request ({longestRequest}) took {longest.TotalSeconds:F1} s");
        for (var client = 0; client < Clients; client++)
            Assert.True(await SubmitNoteAsync(api.Admin, client, $"final-{client}"), $"the final submission of client {client} failed");
        Assert.Empty(unexpected);

        var completed = 0;
        for (var client = 0; client < Clients; client++)
        {
            Assert.Equal($"final-{client}", await NoteAsync(api.Admin, setup, offeringUsers[client]));
            var history = (await api.Admin.ListAllAsync(OfferingUser(offeringUsers[client]) + "/history/"))
                .Select(entry => entry["answer_data"]!.ToString())
                .ToHashSet();
            var lost = acknowledged[client].Where(acked => !history.Contains(acked)).ToList();
            Assert.True(lost.Count == 0, $"client {client}: acknowledged but missing from the history: {string.Join(", ", lost)}");
            var isCompleted = await IsCompletedAsync(api.Admin, offeringUsers[client]);
            Assert.Equal(Required(client) is true, isCompleted);
            if (isCompleted) completed++;
        }

        string overview = "";
        await Poll.UntilAsync(async () =>
        {
            // The provider's grain may have lived on the killed silo: until the cluster declares it dead, a call to it
            // is refused with a 503 ("try again shortly"), which the bound allows for.
            var response = await api.Admin.GetAsync(setup.Overview);
            overview = response.ToString();
            if (response.Status == HttpStatusCode.ServiceUnavailable) return false;
            var row = response.Expect(HttpStatusCode.OK).Array.Single()!;
            overview = row.ToJsonString();
            return (int)row["total_users"]! == Clients && (int)row["users_with_completions"]! == Clients
                && (int)row["completed_users"]! == completed && (int)row["pending_users"]! == Clients - completed;
        }, RecoveryBound, $"the provider's overview counts {Clients} users, {completed} completed (last: {overview})");
    }

    private static async Task<Dictionary<string, string>> ReadAllAsync(IEnumerable<(ApiClient Client, string Path)> reads)
    {
        var bodies = new Dictionary<string, string>();
        foreach (var (client, path) in reads)
            bodies[$"{path} as {client.Token}"] = (await client.GetAsync(path)).Expect(HttpStatusCode.OK).Body;
        return bodies;
    }
}

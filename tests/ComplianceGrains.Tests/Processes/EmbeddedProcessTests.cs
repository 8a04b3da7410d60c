using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using ComplianceGrains.Tests.Sqlite;
using ComplianceGrains.Tests.Support;
using Xunit.Abstractions;
using static ComplianceGrains.Tests.Processes.ComplianceSetup;

namespace ComplianceGrains.Tests.Processes;

/// <summary>The embedded executable on its default storage (SQLite): locking, the admin token, and kill -9 under load.</summary>
[Collection(ProcessCollection.Name)]
public sealed partial class EmbeddedProcessTests(ITestOutputHelper output)
{
    private const string Token = "embedded-admin-token";
    private const int Clients = 8;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(4);

    [GeneratedRegex(@"Its API token \(shown once\): (\S+)")]
    private static partial Regex PrintedToken();

    [Fact]
    public async Task A_second_process_on_the_data_directory_exits_at_once_naming_it_and_the_first_keeps_serving()
    {
        using var directory = new TemporaryDirectory();
        await using var first = await EmbeddedProcess.StartAsync(directory.Path, Token, output);
        var world = first.World(Token);
        var checklist = await world.CreateChecklistAsync();

        using var second = EmbeddedProcess.Launch(directory.Path, Token, new Uri($"http://127.0.0.1:{FreePorts.Next()}"));

        Assert.True(await second.ExitsWithinAsync(TimeSpan.FromSeconds(30)), "the second process is still running");
        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains($"The data directory {directory.Path} is in use", second.RecentOutput());
        (await world.Admin.GetAsync($"/api/checklists-admin/{checklist}/")).Expect(HttpStatusCode.OK);
        await world.CreateChecklistAsync();
    }

    [Fact]
    public async Task The_admin_token_printed_on_the_first_start_works_after_a_restart_and_is_not_printed_again()
    {
        using var directory = new TemporaryDirectory();
        string token;
        await using (var first = await EmbeddedProcess.StartAsync(directory.Path, adminToken: null, output))
        {
            token = await PrintedTokenAsync(first);
            (await first.World(token).Admin.GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);
            await first.StopAsync();
        }

        await using (var second = await EmbeddedProcess.StartAsync(directory.Path, adminToken: null, output))
        {
            (await second.World(token).Admin.GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);
            Assert.DoesNotMatch(PrintedToken(), second.Process.RecentOutput());
            await second.StopAsync();
        }

        // A configured token is the admin's from then on; no token is printed for it.
        await using var third = await EmbeddedProcess.StartAsync(directory.Path, Token, output);
        (await third.World(Token).Admin.GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);
        Assert.DoesNotMatch(PrintedToken(), third.Process.RecentOutput());
    }

    private static async Task<string> PrintedTokenAsync(EmbeddedProcess process)
    {
        string? token = null;
        await Poll.UntilAsync(() =>
        {
            token = PrintedToken().Match(process.Process.RecentOutput()) is { Success: true } match ? match.Groups[1].Value : null;
            return Task.FromResult(token is not null);
        }, TimeSpan.FromSeconds(20), "the generated admin token in the log");
        return token!;
    }

    [Fact]
    public async Task Kill_9_under_concurrent_submissions_loses_no_acknowledged_submission()
    {
        using var directory = new TemporaryDirectory();
        ComplianceSetup setup;
        var offeringUsers = new List<string>();
        bool? Required(int client) => client % 2 == 0 ? true : null;
        var acknowledged = Enumerable.Range(0, Clients).Select(_ => new ConcurrentQueue<string>()).ToArray();

        await using (var embedded = await EmbeddedProcess.StartAsync(directory.Path, Token, output))
        {
            var api = embedded.World(Token);
            setup = await CreateAsync(api);
            for (var i = 0; i < Clients; i++)
                offeringUsers.Add(await api.CreateOfferingUserAsync(setup.Offering, await api.CreateUserRecordAsync()));
            await api.WaitForSyncIdleAsync(setup.Offering);

            using var stop = new CancellationTokenSource();
            var load = offeringUsers.Select((offeringUser, client) => Task.Run(async () =>
            {
                using var http = embedded.NewHttpClient(TimeSpan.FromSeconds(10));
                var caller = new ApiClient(http, Token);
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var note = $"client-{client}-{i}";
                    try
                    {
                        var response = await SubmitAsync(caller, offeringUser, setup.Answers(note, Required(client)));
                        if (response.Status == HttpStatusCode.OK) acknowledged[client].Enqueue(note);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return; // the process is gone: this submission was not acknowledged
                    }
                }
            })).ToArray();

            await Poll.UntilAsync(() => Task.FromResult(acknowledged.All(notes => notes.Count >= 3)), TimeSpan.FromSeconds(30),
                "every client had three submissions acknowledged");
            await Task.Delay(LoadBeforeKill);
            embedded.Process.Kill();
            stop.Cancel();
            await Task.WhenAll(load);
        }
        output.WriteLine($"acknowledged per client before the kill: {string.Join(", ", acknowledged.Select(notes => notes.Count))}");

        await using var restarted = await EmbeddedProcess.StartAsync(directory.Path, Token, output);
        var admin = restarted.World(Token).Admin;
        var completed = 0;
        for (var client = 0; client < Clients; client++)
        {
            var history = (await admin.ListAllAsync(OfferingUser(offeringUsers[client]) + "/history/"))
                .Where(entry => entry["question_uuid"]!.ToString() == setup.Note)
                .Select(entry => entry["answer_data"]!.ToString())
                .ToList();
            var duplicated = history.GroupBy(note => note).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicated.Count == 0, $"client {client}: in the history more than once: {string.Join(", ", duplicated)}");
            var lost = acknowledged[client].Where(note => !history.Contains(note)).ToList();
            Assert.True(lost.Count == 0, $"client {client}: acknowledged but missing from the history: {string.Join(", ", lost)}");
            // The stored answer is the last acknowledged one, or a later one that was committed but not answered before the
            // kill (the history is newest first).
            var stored = await NoteAsync(admin, setup, offeringUsers[client]);
            var last = acknowledged[client].Last();
            Assert.True(stored == last || (stored is not null && history.IndexOf(stored) is >= 0 and var at && at < history.IndexOf(last)),
                $"client {client}: answer {stored}, last acknowledged {last}");
            var isCompleted = await IsCompletedAsync(admin, offeringUsers[client]);
            Assert.Equal(Required(client) is true, isCompleted);
            if (isCompleted) completed++;
        }

        // The provider's counters equal the recount above (snapshots not yet applied before the kill are republished by the
        // offering users' grains, which the reads above activated).
        var overview = "";
        await Poll.UntilAsync(async () =>
        {
            var row = (await admin.GetAsync(setup.Overview)).Expect(HttpStatusCode.OK).Array.Single()!;
            overview = row.ToJsonString();
            return ((int)row["total_users"]!, (int)row["users_with_completions"]!, (int)row["completed_users"]!, (int)row["pending_users"]!)
                == (Clients, Clients, completed, Clients - completed);
        }, TimeSpan.FromSeconds(20), $"the overview counts {Clients} users, {completed} completed (last: {overview})");
    }
}

using System.Net;
using System.Text.Json.Nodes;
using ComplianceGrains.Tests.Postgres;
using ComplianceGrains.Tests.Support;
using Xunit.Abstractions;
using static ComplianceGrains.Tests.Processes.ComplianceSetup;

namespace ComplianceGrains.Tests.Processes;

/// <summary>
/// Issue 15 item 8: a silo killed between an event's state write and its delivery. The receiver holds the first attempt
/// unanswered, so the silo sending it dies with the delivery stored as pending and its outcome unknown to the service.
/// Delivery is at least once on the wire (API.md §10): the held attempt and the one after recovery carry the same
/// webhook-id; "delivered once" is one event id at the receiver, acknowledged once, and a log that agrees.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class WebhookRecoveryTests(PostgresDatabaseFixture database, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TimeSpan ArrivalBound = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The killed silo is declared dead within seconds; the webhook grain's reminder (every minute) then activates it on
    /// the surviving silo, which attempts what is pending at once.
    /// </summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(150);

    [PostgresFact]
    public async Task An_event_whose_delivery_was_in_flight_on_a_killed_silo_is_delivered_once_after_recovery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Hold();
        await using var cluster = await ProcessCluster.StartAsync(database.ConnectionString, silos: 2, output, settings: new Dictionary<string, string?>
        {
            ["Webhooks__AllowPrivateTargets"] = "true",
            // Longer than the test needs to kill the sender: the held attempt ends with the kill, not with a timeout.
            ["Webhooks__AttemptTimeout"] = "00:05:00",
        });
        var api = cluster.Api;
        var setup = await CreateAsync(api);
        var webhooks = $"/api/marketplace-service-providers/{setup.Provider}/compliance/webhooks/";
        var created = await CreateSubscriptionAsync(api.Admin, webhooks, receiver.Url);
        var offeringUser = await api.CreateOfferingUserAsync(setup.Offering, await api.CreateUserRecordAsync());
        await AnsweredAsync(() => SubmitAsync(api.Admin, offeringUser, setup.Answers("done", required: true)), HttpStatusCode.OK, "the submission");

        await Poll.UntilAsync(() => Task.FromResult(receiver.Arrived.Count > 0), ArrivalBound, "the first attempt reaches the receiver");
        var held = receiver.Arrived[0];
        var sender = SocketOwner.ProcessOf(held.SenderPort, new Uri(receiver.Url).Port, cluster.Silos.Select(silo => silo.ProcessId));
        Assert.True(sender is not null, $"no silo holds the connection from port {held.SenderPort}");
        cluster.KillSilo(cluster.IndexOfSilo(sender.Value));
        await Poll.UntilAsync(
            () => Task.FromResult(receiver.Received.Any(r => r.Id == held.Id && r.AnsweredWith == ReceivedWebhook.Unanswered)),
            ArrivalBound, "the held attempt's connection closes with its silo");
        Assert.DoesNotContain(receiver.Received, r => r.Acknowledged);
        receiver.Release();

        await Poll.UntilAsync(() => Task.FromResult(receiver.Received.Any(r => r.Acknowledged)), RecoveryBound,
            "the surviving silo delivers the event without being asked");
        var deliveries = $"{webhooks}{created["uuid"]}/deliveries/";
        JsonArray log = [];
        await Poll.UntilAsync(async () =>
        {
            // 503 while calls to the killed silo's grains are still being refused.
            var response = await api.Admin.GetAsync(deliveries);
            if (response.Status != HttpStatusCode.OK) return false;
            log = response.Array;
            return log.Count == 1 && log[0]!["state"]!.ToString() == "delivered";
        }, RecoveryBound, "the delivery log records the delivery");

        var received = receiver.Received;
        output.WriteLine($"on the wire: {string.Join(", ", received.Select(r => $"{r.Id} answered {r.AnsweredWith}"))}");
        Assert.All(received, r => Assert.True(r.HasValidSignature(created["secret"]), $"the signature of an attempt of {r.Id}"));
        Assert.Equal([held.Id], received.Select(r => r.Id).Distinct());
        Assert.Single(received, r => r.Acknowledged);
        Assert.All(received, r => Assert.Equal(held.Body, r.Body));
        var envelope = JsonNode.Parse(held.Body)!;
        Assert.Equal("completion.completed", envelope["type"]!.ToString());
        Assert.Equal(held.Id, envelope["data"]!["uuid"]!.ToString());
        Assert.Equal(offeringUser, envelope["data"]!["offering_user_uuid"]!.ToString());

        var delivery = log[0]!;
        Assert.Equal(held.Id, delivery["event_uuid"]!.ToString());
        var attempts = delivery["attempts"]!.AsArray();
        Assert.Equal(200, (int?)attempts[0]!["status_code"]);
        Assert.Single(attempts, attempt => (int?)attempt!["status_code"] is >= 200 and < 300);

        var events = (await api.Admin.ListAllAsync(
            $"/api/marketplace-service-providers/{setup.Provider}/compliance/events/?type=completion.completed&offering_user_uuid={offeringUser}"));
        Assert.Equal([held.Id], events.Select(e => e["uuid"]!.ToString()));
    }

    /// <summary>
    /// Creates the one subscription of the provider. A cluster that has just formed on a loaded machine may answer 503
    /// for a while, and a refused creation may still have been carried out: those copies are deleted before any event,
    /// so that exactly one subscription (with the secret the test knows) receives it.
    /// </summary>
    private static async Task<ApiResponse> CreateSubscriptionAsync(ApiClient admin, string webhooks, string url)
    {
        var created = await AnsweredAsync(
            () => admin.PostAsync(webhooks, new { url, event_types = new[] { "completion.completed" } }), HttpStatusCode.Created, "the subscription");
        var copies = (await AnsweredAsync(() => admin.GetAsync(webhooks), HttpStatusCode.OK, "the subscriptions")).Array
            .Select(subscription => subscription!["uuid"]!.ToString())
            .Where(uuid => uuid != created["uuid"]);
        foreach (var copy in copies)
            await AnsweredAsync(() => admin.DeleteAsync($"{webhooks}{copy}/"), HttpStatusCode.NoContent, "a copy of the subscription deleted");
        return created;
    }

    /// <summary>The answer to a request repeated while the cluster answers 503; any other status than the expected one fails.</summary>
    private static async Task<ApiResponse> AnsweredAsync(Func<Task<ApiResponse>> request, HttpStatusCode expected, string what)
    {
        ApiResponse? answer = null;
        await Poll.UntilAsync(async () =>
        {
            var response = await request();
            if (response.Status == HttpStatusCode.ServiceUnavailable) return false;
            answer = response.Expect(expected);
            return true;
        }, ArrivalBound, $"{what} answered without a 503");
        return answer!;
    }
}

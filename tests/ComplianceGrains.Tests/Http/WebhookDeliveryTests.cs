using System.Net;
using System.Text.Json.Nodes;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>
/// Webhook subscriptions and deliveries (API.md §10, BEHAVIOUR.md §12) to a real receiver on Kestrel: signatures,
/// order per offering user, the durable retry schedule after a 500 (driven by the fake clock), redelivery with the same
/// webhook-id, and 410 disabling the subscription.
/// </summary>
[Collection(ClockedApiCollection.Name)]
public sealed class WebhookDeliveryTests(ClockedApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    private static string WebhooksPath(OfferingUserWorld world) =>
        $"/api/marketplace-service-providers/{world.Provider.Provider}/compliance/webhooks/";

    [Fact]
    public async Task Deliveries_are_signed_in_order_per_offering_user_retried_after_a_500_and_redelivered_with_the_same_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = await _world.CreateOfferingUserWorldAsync(new { description = "Agree?", question_type = "boolean", required = true });
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var created = (await world.Provider.Owner.Client.PostAsync(WebhooksPath(world), new
        {
            url = receiver.Url, event_types = new[] { "completion.completed", "completion.reopened" },
        })).Expect(HttpStatusCode.Created);
        var secret = created["secret"];
        Assert.StartsWith("whsec_", secret);
        var subscription = created["uuid"];
        var shown = (await _world.Admin.GetAsync($"{WebhooksPath(world)}{subscription}/")).Expect(HttpStatusCode.OK);
        Assert.Null(shown.Json!["secret"]);
        receiver.AnswerNext(500);

        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], true))).Expect(HttpStatusCode.OK);
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], null))).Expect(HttpStatusCode.OK);
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], true))).Expect(HttpStatusCode.OK);

        await receiver.WaitForAsync(1);
        var deliveriesPath = $"{WebhooksPath(world)}{subscription}/deliveries/";
        var first = await Eventually.UntilAsync(
            () => _world.Admin.GetAsync(deliveriesPath), r => r.Array.Count == 3 && r.Array[^1]!["attempts"]!.AsArray().Count == 1,
            "the first delivery's failed attempt in the log");
        var failed = first.Array[^1]!;
        Assert.Equal("pending", failed["state"]!.ToString());
        Assert.Equal(500, (int)failed["attempts"]![0]!["status_code"]!);
        Assert.NotNull(failed["next_attempt_at"]);
        // In order per offering user: nothing after the failed delivery went out before it.
        Assert.Single(receiver.Received);

        factory.Clock.Advance(TimeSpan.FromSeconds(10));

        var received = await receiver.WaitForAsync(4);
        Assert.Equal([500, 200, 200, 200], received.Select(r => r.AnsweredWith));
        Assert.Equal(received[0].Id, received[1].Id);
        Assert.Equal(
            ["completion.completed", "completion.completed", "completion.reopened", "completion.completed"],
            received.Select(r => JsonNode.Parse(r.Body)!["type"]!.ToString()));
        Assert.All(received, r => Assert.True(r.HasValidSignature(secret), $"signature of {r.Id}"));
        var envelope = JsonNode.Parse(received[2].Body)!;
        Assert.Equal(received[2].Id, envelope["data"]!["uuid"]!.ToString());
        Assert.Equal(world.OfferingUser, envelope["data"]!["offering_user_uuid"]!.ToString());
        Assert.False((bool)envelope["data"]!["completion"]!["is_completed"]!);

        var log = (await Eventually.UntilAsync(
            () => _world.Admin.GetAsync(deliveriesPath), r => r.Array.All(d => d!["state"]!.ToString() == "delivered"), "all delivered")).Array;
        Assert.Equal([1, 1, 2], log.Select(d => d!["attempts"]!.AsArray().Count));
        var reopened = log[1]!;
        (await world.Provider.Owner.Client.PostAsync($"{deliveriesPath}{reopened["uuid"]}/redeliver/")).Expect(HttpStatusCode.Accepted);
        var again = await receiver.WaitForAsync(5);
        Assert.Equal(received[2].Id, again[4].Id);
        Assert.Equal(reopened["event_uuid"]!.ToString(), again[4].Id);
    }

    [Fact]
    public async Task A_410_disables_the_subscription_with_a_reason()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = await _world.CreateOfferingUserWorldAsync(new { description = "Agree?", question_type = "boolean", required = true });
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var subscription = (await _world.Admin.PostAsync(WebhooksPath(world), new { url = receiver.Url })).Expect(HttpStatusCode.Created)["uuid"];
        receiver.AnswerNext(410);

        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], true))).Expect(HttpStatusCode.OK);

        var disabled = await Eventually.UntilAsync(
            () => _world.Admin.GetAsync($"{WebhooksPath(world)}{subscription}/"), r => r.Json!["is_active"]!.GetValue<bool>() == false,
            "the subscription to be disabled");
        Assert.NotNull(disabled.Json!["disabled_reason"]);
        var delivery = (await _world.Admin.GetAsync($"{WebhooksPath(world)}{subscription}/deliveries/")).Array.Single()!;
        Assert.Equal("failed", delivery["state"]!.ToString());
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], null))).Expect(HttpStatusCode.OK);
        Assert.Single(receiver.Received);
    }
}

/// <summary>Who may manage webhooks and which targets are refused, with the default configuration (no private targets).</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookSubscriptionTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://169.254.169.254/latest")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("not a url")]
    public async Task Private_and_invalid_targets_are_refused_on_create_and_on_patch(string url)
    {
        var provider = await _world.CreateProviderWorldAsync();
        var path = $"/api/marketplace-service-providers/{provider.Provider}/compliance/webhooks/";

        var refused = (await _world.Admin.PostAsync(path, new { url })).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(refused.Json!["url"]);
        Assert.Empty((await _world.Admin.GetAsync(path)).Array);
    }

    [Fact]
    public async Task Managers_of_the_provider_need_offering_update_options_and_unknown_event_types_are_refused()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var path = $"/api/marketplace-service-providers/{provider.Provider}/compliance/webhooks/";
        var outsider = await _world.CreateUserAsync();

        (await outsider.Client.PostAsync(path, new { url = "https://example.com/hook" })).Expect(HttpStatusCode.Forbidden);
        (await provider.SupportRole.Client.GetAsync(path)).Expect(HttpStatusCode.Forbidden);
        (await _world.Admin.PostAsync(path, new { url = "https://example.com/hook", event_types = new[] { "nope" } })).Expect(HttpStatusCode.BadRequest);
        Assert.Empty((await _world.Admin.GetAsync(path)).Array);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>A provider's compliance events (BEHAVIOUR.md §11, API.md §10 events/): each caused by one stored change.</summary>
[Collection(ClockedApiCollection.Name)]
public sealed class ComplianceEventsTests(ClockedApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    private static string EventsPath(OfferingUserWorld world, string query = "") =>
        $"/api/marketplace-service-providers/{world.Provider.Provider}/compliance/events/{query}";

    private async Task<JsonArray> EventsAsync(OfferingUserWorld world, string query = "") =>
        (await _world.Admin.GetAsync(EventsPath(world, query))).Expect(HttpStatusCode.OK).Array;

    private static IEnumerable<string> Types(JsonArray events) => events.Select(e => e!["type"]!.ToString());

    [Fact]
    public async Task Completing_reopening_and_reviewing_record_one_event_each_newest_first()
    {
        var world = await _world.CreateOfferingUserWorldAsync(
            new { description = "Agree?", question_type = "boolean", required = true, @operator = "equals", review_answer_value = false });
        Assert.Equal(["checklist.attached"], Types(await EventsAsync(world)));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], false))).Expect(HttpStatusCode.OK);
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], false))).Expect(HttpStatusCode.OK);
        (await _world.Admin.PostAsync(world.Path("review"), new { review_notes = "ok" })).Expect(HttpStatusCode.OK);
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], null))).Expect(HttpStatusCode.OK);

        var events = await Eventually.UntilAsync(
            () => EventsAsync(world), e => e.Count == 5, "five events");
        Assert.Equal(
            ["completion.reopened", "completion.reviewed", "review.required", "completion.completed", "checklist.attached"],
            Types(events));
        var completed = events[3]!;
        Assert.Equal(world.OfferingUser, completed["offering_user_uuid"]!.ToString());
        Assert.Equal(world.User.Id, completed["user_uuid"]!.ToString());
        Assert.Equal(world.Provider.Offering, completed["offering_uuid"]!.ToString());
        Assert.True((bool)completed["completion"]!["is_completed"]!);
        Assert.Equal(32, completed["uuid"]!.ToString().Length);
        Assert.Null(events[4]!["offering_user_uuid"]);

        Assert.Equal(["completion.completed"], Types(await EventsAsync(world, "?type=completion.completed")));
        Assert.Equal(4, (await EventsAsync(world, $"?offering_user_uuid={world.OfferingUser}")).Count);
        var after = Uri.EscapeDataString(completed["created"]!.ToString());
        Assert.DoesNotContain("checklist.attached", Types(await EventsAsync(world, $"?created_after={after}")));
        (await _world.Admin.GetAsync(EventsPath(world, "?type=nonsense"))).Expect(HttpStatusCode.BadRequest);
        (await world.User.Client.GetAsync(EventsPath(world))).Expect(HttpStatusCode.Forbidden);
        (await world.Provider.Owner.Client.GetAsync(EventsPath(world))).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_passing_due_date_and_an_expiring_attestation_are_recorded_once_by_the_sweep()
    {
        var world = await _world.CreateOfferingUserWorldAsync(new { description = "Agree?", question_type = "boolean", required = true });
        await _world.SetCompliancePolicyAsync(world.Provider.Offering, new { due_days = 1, reattest_days = 5 });
        var sweep = () => factory.Grains.GetGrain<IOfferingGrain>(Guid.Parse(world.Provider.Offering)).SweepAsync();

        factory.Clock.Advance(TimeSpan.FromDays(2));
        await sweep();
        await sweep();
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], true))).Expect(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromDays(6.5));
        await sweep();
        await sweep();

        var events = await Eventually.UntilAsync(() => EventsAsync(world), e => e.Count == 5, "five events");
        Assert.Equal(
            ["completion.overdue", "completion.expired", "completion.completed", "completion.overdue", "checklist.attached"],
            Types(events));
        Assert.False((bool)events[1]!["completion"]!["is_completed"]!);
    }

    [Fact]
    public async Task Changing_the_checklist_records_detached_then_attached()
    {
        var world = await _world.CreateOfferingUserWorldAsync(new { description = "Agree?", question_type = "boolean", required = false });
        var other = await _world.CreateChecklistAsync();

        await _world.UpdateChecklistAsync(world.Provider.Offering, other);
        await _world.UpdateChecklistAsync(world.Provider.Offering, null);

        var events = await Eventually.UntilAsync(
            () => EventsAsync(world, $"?offering_uuid={world.Provider.Offering}"),
            e => Types(e).Count(t => t.StartsWith("checklist.")) == 4, "four checklist events");
        Assert.Equal(
            ["checklist.detached", "checklist.attached", "checklist.detached", "checklist.attached"],
            Types(events).Where(t => t.StartsWith("checklist.")));
    }
}

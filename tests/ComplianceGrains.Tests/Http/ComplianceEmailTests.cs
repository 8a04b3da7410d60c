using System.Net;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Tests.Support;
using MimeKit;

namespace ComplianceGrains.Tests.Http;

/// <summary>
/// E-mail through MailKit to a real SMTP server in the test (BEHAVIOUR.md §12): reminders on the policy's schedule,
/// overdue notices, one review request per completion until it is reviewed, and "remind now" with its hourly limit.
/// </summary>
[Collection(ClockedApiCollection.Name)]
public sealed class ComplianceEmailTests(ClockedApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    private static string Email(TestUser user) => $"{user.Username}@example.com";

    private static IEnumerable<string> Subjects(IEnumerable<MimeMessage> messages) => messages.Select(m => m.Subject!.Split(':')[0]);

    private async Task<OfferingUserWorld> CreateWithPolicyAsync(object policy, params object[] questions)
    {
        var world = await _world.CreateOfferingUserWorldAsync(
            questions.Length > 0 ? questions : [new { description = "Agree?", question_type = "boolean", required = true }]);
        await _world.SetCompliancePolicyAsync(world.Provider.Offering, policy);
        return world;
    }

    private Task SweepAsync(OfferingUserWorld world) =>
        factory.Grains.GetGrain<IOfferingGrain>(Guid.Parse(world.Provider.Offering)).SweepAsync();

    [Fact]
    public async Task Reminders_follow_the_schedule_once_per_scheduled_day_up_to_the_cap_with_an_overdue_notice()
    {
        var world = await CreateWithPolicyAsync(new
        {
            due_days = 10, reminder_days_before_due = new[] { 7 }, reminder_every_days_overdue = 2, max_reminders = 2,
        });
        var inbox = () => factory.Mail.To(Email(world.User));

        await SweepAsync(world);
        Assert.Empty(inbox());
        factory.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        await SweepAsync(world);
        await SweepAsync(world);

        var reminder = Assert.Single(inbox());
        Assert.StartsWith("Reminder", reminder.Subject);
        Assert.Equal("compliance@example.org", reminder.From.Mailboxes.Single().Address);
        var link = $"https://compliance.example.org/compliance/{world.OfferingUser}/";
        Assert.Contains(link, reminder.TextBody);
        Assert.Contains($"href=\"{link}\"", reminder.HtmlBody);

        factory.Clock.Advance(TimeSpan.FromDays(7));
        await SweepAsync(world);
        Assert.Equal(["Overdue", "Reminder", "Reminder"], Subjects(inbox()).Order());
        factory.Clock.Advance(TimeSpan.FromDays(4));
        await SweepAsync(world);
        Assert.Equal(3, inbox().Count);
    }

    [Fact]
    public async Task Owners_and_managers_get_one_review_request_per_completion_until_it_is_reviewed()
    {
        var world = await CreateWithPolicyAsync(new { }, new { description = "Incidents", question_type = "text_input", always_requires_review = true });
        IReadOnlyList<MimeMessage> Requests(TestUser user) => factory.Mail.To(Email(user)).Where(m => m.Subject!.StartsWith("Review required")).ToList();

        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], "one"))).Expect(HttpStatusCode.OK);
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], "two"))).Expect(HttpStatusCode.OK);

        Assert.Single(Requests(world.Provider.Owner));
        Assert.Single(Requests(world.Provider.Manager));
        Assert.Empty(Requests(world.Provider.SupportRole));
        (await _world.Admin.PostAsync(world.Path("review"), new { review_notes = "seen" })).Expect(HttpStatusCode.OK);
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], "three"))).Expect(HttpStatusCode.OK);
        Assert.Equal(2, Requests(world.Provider.Owner).Count);
    }

    [Fact]
    public async Task Remind_now_mails_every_incomplete_user_at_once_and_is_limited_to_once_an_hour_per_offering()
    {
        var world = await CreateWithPolicyAsync(new { });
        var done = await _world.CreateUserAsync();
        var doneUser = await _world.CreateOfferingUserAsync(world.Provider.Offering, done);
        (await ApiWorld.SubmitAsync(done.Client, doneUser, (world.Questions[0], true))).Expect(HttpStatusCode.OK);
        var path = $"/api/marketplace-service-providers/{world.Provider.Provider}/compliance/remind/";

        var accepted = (await world.Provider.Owner.Client.PostAsync(path, new { offering_uuid = world.Provider.Offering }))
            .Expect(HttpStatusCode.Accepted);

        Assert.Equal(1, (int)accepted.Json!["queued"]!);
        Assert.Single(factory.Mail.To(Email(world.User)));
        Assert.Empty(factory.Mail.To(Email(done)));
        var refused = (await world.Provider.Owner.Client.PostAsync(path, new { })).Expect(HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(refused.Header("Retry-After")!), 3500, 3600);
        (await world.User.Client.PostAsync(path, new { })).Expect(HttpStatusCode.NotFound);
        (await world.Provider.Owner.Client.PostAsync(path, new { offering_uuid = Guid.NewGuid().ToString("N") })).Expect(HttpStatusCode.BadRequest);
        factory.Clock.Advance(TimeSpan.FromHours(1));
        (await world.Provider.Owner.Client.PostAsync(path, new { })).Expect(HttpStatusCode.Accepted);
        Assert.Equal(2, factory.Mail.To(Email(world.User)).Count);
    }
}

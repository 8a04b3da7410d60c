using System.Net;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>
/// Compliance over time (API.md §10, BEHAVIOUR.md §10): the policy, due dates and overdue, attestation expiry and
/// re-attestation, gating through is_restricted, the overview's overdue and expiring counts and the is_overdue filters,
/// all driven by a fake clock.
/// </summary>
[Collection(ClockedApiCollection.Name)]
public sealed class CompliancePolicyTests(ClockedApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    private static string PolicyPath(string offering) => $"/api/marketplace-provider-offerings/{offering}/compliance_policy/";

    private async Task<OfferingUserWorld> CreateWithPolicyAsync(object policy)
    {
        var world = await _world.CreateOfferingUserWorldAsync(new { description = "Agree?", question_type = "boolean", required = true });
        await _world.SetCompliancePolicyAsync(world.Provider.Offering, policy);
        return world;
    }

    private Task SweepAsync(OfferingUserWorld world) =>
        factory.Grains.GetGrain<IOfferingGrain>(Guid.Parse(world.Provider.Offering)).SweepAsync();

    [Fact]
    public async Task A_new_offering_has_the_default_policy_and_its_completions_no_dates()
    {
        var world = await _world.CreateOfferingUserWorldAsync(new { description = "Agree?", question_type = "boolean", required = true });

        var policy = (await _world.Admin.GetAsync(PolicyPath(world.Provider.Offering))).Expect(HttpStatusCode.OK);
        JsonAssert.Equal(new Dictionary<string, object?>
        {
            ["due_days"] = null, ["reattest_days"] = null, ["reminder_days_before_due"] = Array.Empty<int>(),
            ["reminder_every_days_overdue"] = null, ["max_reminders"] = null, ["restrict_until_compliant"] = false,
        }, policy);
        var status = (await world.User.Client.GetAsync(world.Path("completion_status"))).Expect(HttpStatusCode.OK);
        Assert.Null(status.Json!["due_date"]);
        Assert.Null(status.Json!["expires_at"]);
        Assert.False((bool)status.Json!["is_overdue"]!);
    }

    [Fact]
    public async Task An_invalid_policy_is_refused_with_field_errors_and_changes_nothing()
    {
        var world = await _world.CreateOfferingUserWorldAsync(new { description = "Agree?", question_type = "boolean", required = true });
        var path = PolicyPath(world.Provider.Offering);

        var refused = (await _world.Admin.PutAsync(path, new { due_days = -1, reattest_days = 0, reminder_days_before_due = new object[] { 3, "x" } }))
            .Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(refused.Json!["due_days"]);
        Assert.NotNull(refused.Json!["reattest_days"]);
        Assert.NotNull(refused.Json!["reminder_days_before_due"]);
        (await _world.Admin.PutAsync(path, new { due_days = 1_000_000 })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("null", (await _world.Admin.GetAsync(path)).Json!["due_days"]?.ToJsonString() ?? "null");
        // The offering's owner may set it; a plain user of the offering may not.
        (await world.User.Client.PutAsync(path, new { due_days = 3 })).Expect(HttpStatusCode.NotFound);
        (await world.Provider.Owner.Client.PutAsync(path, new { due_days = 3, reminder_days_before_due = new[] { 1, 3, 1 } }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("[3,1]", (await _world.Admin.GetAsync(path)).Json!["reminder_days_before_due"]!.ToJsonString());
    }

    [Fact]
    public async Task A_completion_falls_due_after_due_days_and_is_overdue_once_the_date_passes()
    {
        var world = await CreateWithPolicyAsync(new { due_days = 1 });
        var status = (await world.User.Client.GetAsync(world.Path("completion_status"))).Json!;
        var due = DateTime.Parse(status["due_date"]!.ToString()).ToUniversalTime();
        var created = DateTime.Parse(status["created"]!.ToString()).ToUniversalTime();
        Assert.Equal(created.AddDays(1), due, TimeSpan.FromSeconds(1));
        Assert.False((bool)status["is_overdue"]!);

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var overdue = (await world.User.Client.GetAsync(world.Path("completion_status"))).Json!;
        Assert.True((bool)overdue["is_overdue"]!);
        await SweepAsync(world);
        var provider = $"/api/marketplace-service-providers/{world.Provider.Provider}/compliance/";
        var rows = (await _world.Admin.GetAsync($"{provider}offering_users/?offering_uuid={world.Provider.Offering}&is_overdue=true")).Array;
        Assert.Equal([world.OfferingUser], rows.Select(r => r!["uuid"]!.ToString()));
        Assert.Empty((await _world.Admin.GetAsync($"{provider}offering_users/?offering_uuid={world.Provider.Offering}&is_overdue=false")).Array);
        var completions = (await _world.Admin.GetAsync($"/api/marketplace-offering-user-checklist-completions/?offering_uuid={world.Provider.Offering}&is_overdue=true")).Array;
        Assert.Single(completions);
        Assert.True((bool)completions[0]!["is_overdue"]!);
        var overview = (await _world.Admin.GetAsync($"{provider}compliance_overview/")).Array.Single(r => r!["offering_uuid"]!.ToString() == world.Provider.Offering)!;
        Assert.Equal(1, (int)overview["overdue_users"]!);

        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], true))).Expect(HttpStatusCode.OK);

        var done = (await world.User.Client.GetAsync(world.Path("completion_status"))).Json!;
        Assert.False((bool)done["is_overdue"]!);
        Assert.Empty((await _world.Admin.GetAsync($"{provider}offering_users/?offering_uuid={world.Provider.Offering}&is_overdue=true")).Array);
    }

    [Fact]
    public async Task An_attestation_expires_after_reattest_days_keeps_its_answers_and_is_renewed_by_attest()
    {
        var world = await CreateWithPolicyAsync(new { due_days = 7, reattest_days = 30 });
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], true))).Expect(HttpStatusCode.OK);
        var completed = (await world.User.Client.GetAsync(world.Path("completion_status"))).Json!;
        Assert.True((bool)completed["is_completed"]!);
        var attested = DateTime.Parse(completed["attested_at"]!.ToString()).ToUniversalTime();
        Assert.Equal(attested.AddDays(30), DateTime.Parse(completed["expires_at"]!.ToString()).ToUniversalTime(), TimeSpan.FromSeconds(1));
        var provider = $"/api/marketplace-service-providers/{world.Provider.Provider}/compliance/";
        OverviewRow Overview() => new(_world, provider, world.Provider.Offering);
        Assert.Equal(1, await Overview().IntAsync("expiring_users"));
        Assert.Equal(1, await Overview().IntAsync("completed_users"));

        factory.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));

        var expired = (await world.User.Client.GetAsync(world.Path("completion_status"))).Json!;
        Assert.False((bool)expired["is_completed"]!);
        Assert.Equal(100.0, (double)expired["completion_percentage"]!);
        Assert.Equal(0, await Overview().IntAsync("completed_users"));
        var checklist = (await world.User.Client.GetAsync(world.Path("checklist"))).Json!;
        Assert.Equal("true", checklist["questions"]![0]!["existing_answer"]!["answer_data"]!.ToJsonString());
        await SweepAsync(world);
        var pending = (await _world.Admin.GetAsync($"{provider}offering_users/?offering_uuid={world.Provider.Offering}&compliance_status=pending")).Array;
        Assert.Equal([world.OfferingUser], pending.Select(r => r!["uuid"]!.ToString()));

        var renewed = (await world.User.Client.PostAsync(world.Path("attest"))).Expect(HttpStatusCode.OK).Json!;

        Assert.True((bool)renewed["is_completed"]!);
        Assert.True(DateTime.Parse(renewed["expires_at"]!.ToString()).ToUniversalTime() > factory.Clock.GetUtcNow().UtcDateTime.AddDays(29));
        Assert.Equal(1, await Overview().IntAsync("completed_users"));
    }

    [Fact]
    public async Task Attest_is_refused_while_the_answers_are_incomplete()
    {
        var world = await CreateWithPolicyAsync(new { reattest_days = 30 });

        var refused = (await world.User.Client.PostAsync(world.Path("attest"))).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(refused.Json!["detail"]);
        Assert.Null((await world.User.Client.GetAsync(world.Path("completion_status"))).Json!["attested_at"]);
    }

    [Fact]
    public async Task With_restrict_until_compliant_is_restricted_follows_the_completion()
    {
        var world = await CreateWithPolicyAsync(new { reattest_days = 10, restrict_until_compliant = true });
        var path = $"/api/marketplace-offering-users/{world.OfferingUser}/";
        Assert.True((bool)(await _world.Admin.GetAsync(path)).Json!["is_restricted"]!);

        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], true))).Expect(HttpStatusCode.OK);
        Assert.False((bool)(await _world.Admin.GetAsync(path)).Json!["is_restricted"]!);

        factory.Clock.Advance(TimeSpan.FromDays(11));
        Assert.True((bool)(await _world.Admin.GetAsync(path)).Json!["is_restricted"]!);

        (await _world.Admin.PutAsync(PolicyPath(world.Provider.Offering), new { })).Expect(HttpStatusCode.OK);
        await _world.WaitForSyncIdleAsync(world.Provider.Offering);
        Assert.False((bool)(await _world.Admin.GetAsync(path)).Json!["is_restricted"]!);
        Assert.True((bool)(await world.User.Client.GetAsync(world.Path("completion_status"))).Json!["is_completed"]!);
    }

    private sealed record OverviewRow(ApiWorld World, string ProviderPath, string Offering)
    {
        public async Task<int> IntAsync(string field)
        {
            var rows = (await World.Admin.GetAsync($"{ProviderPath}compliance_overview/")).Array;
            return (int)rows.Single(r => r!["offering_uuid"]!.ToString() == Offering)![field]!;
        }
    }
}

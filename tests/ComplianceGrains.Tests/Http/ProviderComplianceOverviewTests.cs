using System.Net;
using System.Text.Json.Nodes;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>API.md §5 compliance_overview/: one row per offering, ordered by name, with counts and rate.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProviderComplianceOverviewTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    private static (string Offering, string? Checklist, int Total, int With, int Completed, int Pending, double Rate) Row(JsonNode? row) => (
        row!["offering_uuid"]!.ToString(), row["checklist_name"]?.ToString(), row["total_users"]!.GetValue<int>(),
        row["users_with_completions"]!.GetValue<int>(), row["completed_users"]!.GetValue<int>(), row["pending_users"]!.GetValue<int>(),
        row["compliance_rate"]!.GetValue<double>());

    private async Task<List<(string, string?, int, int, int, int, double)>> OverviewAsync(MonitoredProvider p) =>
        (await _world.Admin.GetAsync(p.Path("compliance_overview"))).Expect(HttpStatusCode.OK).Array.Select(Row).ToList();

    [Fact]
    public async Task Rows_for_every_offering_by_name_and_the_rate_follows_completions()
    {
        var p = await _world.CreateMonitoredProviderAsync();
        var checklistName = (await _world.Admin.GetAsync($"/api/checklists-admin/{p.Checklist}/")).Expect(HttpStatusCode.OK)["name"];

        Assert.Equal(
            [(p.PlainOffering, null, 1, 0, 0, 0, 0.0), (p.ChecklistOffering, checklistName, 2, 2, 0, 2, 0.0)],
            await OverviewAsync(p));

        (await ApiWorld.SubmitAsync(_world.Admin, p.Zoe, (p.Question, true))).Expect(HttpStatusCode.OK);

        Assert.Equal(
            [(p.PlainOffering, null, 1, 0, 0, 0, 0.0), (p.ChecklistOffering, checklistName, 2, 2, 1, 1, 50.0)],
            await OverviewAsync(p));
    }

    [Fact]
    public async Task Overview_follows_a_user_deletion_and_a_detached_checklist()
    {
        var p = await _world.CreateMonitoredProviderAsync();
        (await ApiWorld.SubmitAsync(_world.Admin, p.Adam, (p.Question, true))).Expect(HttpStatusCode.OK);
        (await _world.Admin.DeleteAsync($"/api/marketplace-offering-users/{p.Zoe}/")).Expect(HttpStatusCode.NoContent);
        Assert.Equal((1, 1, 1, 0, 100.0), Counts((await OverviewAsync(p))[1]));

        await _world.UpdateChecklistAsync(p.ChecklistOffering, null);
        await _world.WaitForSyncIdleAsync(p.ChecklistOffering);

        var row = (await OverviewAsync(p))[1];
        Assert.Null(row.Item2);
        Assert.Equal((1, 0, 0, 0, 0.0), Counts(row));
    }

    [Fact]
    public async Task Monitoring_is_for_staff_support_and_members_of_the_provider()
    {
        var p = await _world.CreateMonitoredProviderAsync();
        var member = await _world.CreateUserAsync();
        await _world.AddRoleAsync(p.Customer, member, "support");
        (await member.Client.GetAsync(p.Path("compliance_overview"))).Expect(HttpStatusCode.OK);
        (await (await _world.CreateUserAsync(support: true)).Client.GetAsync(p.Path("compliance_overview"))).Expect(HttpStatusCode.OK);
        var stranger = await _world.CreateUserAsync();
        (await stranger.Client.GetAsync(p.Path("compliance_overview"))).Expect(HttpStatusCode.Forbidden);
        (await stranger.Client.GetAsync(p.Path("offering_users"))).Expect(HttpStatusCode.Forbidden);
        (await _world.Admin.GetAsync($"/api/marketplace-service-providers/{Guid.NewGuid():N}/compliance/compliance_overview/"))
            .Expect(HttpStatusCode.NotFound);
    }

    private static (int, int, int, int, double) Counts((string, string?, int Total, int With, int Completed, int Pending, double Rate) row) =>
        (row.Total, row.With, row.Completed, row.Pending, row.Rate);
}

using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>API.md §5 offering_users/ and export/: filters, statuses, ordering, CSV.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProviderOfferingUsersTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    private async Task<List<(string Uuid, string Status)>> RowsAsync(MonitoredProvider p, string query = "")
    {
        var response = (await _world.Admin.GetAsync(p.Path("offering_users") + query)).Expect(HttpStatusCode.OK);
        Assert.Equal(response.Array.Count.ToString(), response.Header("X-Result-Count"));
        return response.Array.Select(r => (r!["uuid"]!.ToString(), r["compliance_status"]!.ToString())).ToList();
    }

    [Fact]
    public async Task Rows_are_ordered_by_offering_name_then_user_full_name()
    {
        var p = await _world.CreateMonitoredProviderAsync();
        var response = (await _world.Admin.GetAsync(p.Path("offering_users"))).Expect(HttpStatusCode.OK);
        Assert.Equal([p.Mia, p.Adam, p.Zoe], response.Array.Select(r => r!["uuid"]!.ToString()));
        var plain = response.Array[0]!;
        Assert.Equal(("no_checklist", null, null), (plain["compliance_status"]!.ToString(), plain["completion_percentage"], plain["checklist_name"]));
        Assert.Equal(0.0, response.Array[1]!["completion_percentage"]!.GetValue<double>());
    }

    [Fact]
    public async Task Compliance_status_filters_count_each_status()
    {
        var p = await _world.CreateMonitoredProviderAsync();
        (await ApiWorld.SubmitAsync(_world.Admin, p.Zoe, (p.Question, true))).Expect(HttpStatusCode.OK);

        Assert.Equal([(p.Zoe, "completed")], await RowsAsync(p, "?compliance_status=completed"));
        Assert.Equal([(p.Adam, "pending")], await RowsAsync(p, "?compliance_status=pending"));
        Assert.Equal([(p.Mia, "no_checklist")], await RowsAsync(p, "?compliance_status=no_checklist"));
        Assert.Equal([(p.Adam, "pending"), (p.Zoe, "completed")], await RowsAsync(p, $"?offering_uuid={p.ChecklistOffering}"));
    }

    [Fact]
    public async Task A_required_question_added_later_makes_completed_users_pending()
    {
        var p = await _world.CreateMonitoredProviderAsync();
        (await ApiWorld.SubmitAsync(_world.Admin, p.Zoe, (p.Question, true))).Expect(HttpStatusCode.OK);
        await _world.CreateQuestionAsync(p.Checklist, new { description = "New rule", question_type = "boolean", required = true });

        await Eventually.UntilAsync(() => RowsAsync(p, "?compliance_status=completed"), rows => rows.Count == 0, "no completed users");
        Assert.Equal(2, (await RowsAsync(p, "?compliance_status=pending")).Count);
    }

    [Fact]
    public async Task An_unknown_compliance_status_is_400()
    {
        var p = await _world.CreateMonitoredProviderAsync();
        var response = (await _world.Admin.GetAsync(p.Path("offering_users") + "?compliance_status=done")).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(response.Json!["compliance_status"]!.AsArray());
        (await _world.Admin.GetAsync(p.Path("export") + "?compliance_status=done")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Csv_export_has_a_header_and_the_same_rows_as_the_list()
    {
        var p = await _world.CreateMonitoredProviderAsync();
        (await ApiWorld.SubmitAsync(_world.Admin, p.Adam, (p.Question, true))).Expect(HttpStatusCode.OK);

        foreach (var query in new[] { "", "?compliance_status=pending" })
        {
            var sep = query.Length == 0 ? "?" : "&";
            var csv = (await _world.Admin.GetAsync(p.Path("export") + query + sep + "format=csv")).Expect(HttpStatusCode.OK);
            Assert.StartsWith("text/csv", csv.Header("Content-Type"));
            var lines = csv.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
            var header = lines[0].ToList();
            Assert.Equal("uuid", header[0]);
            var status = header.IndexOf("compliance_status");
            Assert.True(status > 0, string.Join(",", header));
            Assert.Equal(await RowsAsync(p, query), lines.Skip(1).Select(l => (l[0], l[status])).ToList());
        }
    }

    [Fact]
    public async Task Search_matches_a_part_of_the_full_name_or_e_mail_in_the_list_and_the_export()
    {
        var p = await _world.CreateMonitoredProviderAsync();
        var zoe = (await _world.Admin.GetAsync($"/api/marketplace-offering-users/{p.Zoe}/")).Expect(HttpStatusCode.OK);
        Assert.Equal([p.Zoe], (await RowsAsync(p, "?search=zOE")).Select(r => r.Uuid));
        Assert.Equal([p.Zoe], (await RowsAsync(p, "?search=" + Uri.EscapeDataString(zoe["user_email"].ToUpperInvariant()))).Select(r => r.Uuid));
        Assert.Equal([p.Adam, p.Zoe], (await RowsAsync(p, "?search=example.com&compliance_status=pending")).Select(r => r.Uuid));
        var csv = (await _world.Admin.GetAsync(p.Path("export") + "?search=mia")).Expect(HttpStatusCode.OK).Body;
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(p.Mia, lines[1]);
    }
}

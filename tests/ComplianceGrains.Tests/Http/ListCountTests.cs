using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>API.md §9: HEAD on a list answers 200 with the list's X-Result-Count and no body, with the same filters.</summary>
[Collection(ApiCollection.Name)]
public sealed class ListCountTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    private async Task AssertCountMatchesListAsync(string path)
    {
        var list = (await _world.Admin.GetAsync(path)).Expect(HttpStatusCode.OK);
        var head = (await _world.Admin.SendAsync(HttpMethod.Head, path, null)).Expect(HttpStatusCode.OK);
        Assert.Equal("", head.Body);
        Assert.Equal(list.Header("X-Result-Count"), head.Header("X-Result-Count"));
        Assert.NotNull(head.Header("Link"));
    }

    [Fact]
    public async Task Every_list_answers_head_with_its_count()
    {
        var p = await _world.CreateMonitoredProviderAsync();
        string[] paths =
        [
            "/api/users/", "/api/customers/", "/api/marketplace-service-providers/", "/api/marketplace-provider-offerings/",
            "/api/marketplace-public-offerings/", "/api/marketplace-offering-users/", "/api/checklists-admin/",
            "/api/checklists-admin-questions/", "/api/checklists-admin/questions/", "/api/checklists-admin-question-options/",
            "/api/checklists-admin-question-dependencies/", "/api/marketplace-offering-user-checklist-completions/",
            p.Path("compliance_overview"), p.Path("offering_users"), p.Path("checklists_summary"),
            $"/api/marketplace-offering-users/{p.Adam}/history/",
        ];
        foreach (var path in paths) await AssertCountMatchesListAsync(path);
    }

    [Fact]
    public async Task Head_honours_the_filters_of_the_list()
    {
        var p = await _world.CreateMonitoredProviderAsync();
        (await ApiWorld.SubmitAsync(_world.Admin, p.Adam, (p.Question, true))).Expect(HttpStatusCode.OK);

        var pending = (await _world.Admin.SendAsync(HttpMethod.Head, p.Path("offering_users") + "?compliance_status=pending", null))
            .Expect(HttpStatusCode.OK);
        var plain = (await _world.Admin.SendAsync(HttpMethod.Head, $"/api/marketplace-offering-users/?offering_uuid={p.PlainOffering}", null))
            .Expect(HttpStatusCode.OK);

        Assert.Equal(("1", "1"), (pending.Header("X-Result-Count"), plain.Header("X-Result-Count")));
        await AssertCountMatchesListAsync(p.Path("offering_users") + "?compliance_status=completed");
        await AssertCountMatchesListAsync($"/api/checklists-admin-questions/?checklist_uuid={p.Checklist}");
    }
}

using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>API.md §3: update_compliance_checklist/ and compliance_sync/.</summary>
[Collection(ApiCollection.Name)]
public sealed class UpdateComplianceChecklistTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    private static string UpdatePath(string offering) => $"/api/marketplace-provider-offerings/{offering}/update_compliance_checklist/";

    private async Task<string?> ChecklistOfAsync(string offering) =>
        (await _world.Admin.GetAsync($"/api/marketplace-provider-offerings/{offering}/")).Expect(HttpStatusCode.OK).Json!["compliance_checklist"]?.ToString();

    private async Task<(bool Provider, bool Public)> RequirementsAsync(string offering) => (
        (await _world.Admin.GetAsync($"/api/marketplace-provider-offerings/{offering}/")).Json!["has_compliance_requirements"]!.GetValue<bool>(),
        (await _world.Anonymous.GetAsync($"/api/marketplace-public-offerings/{offering}/")).Json!["has_compliance_requirements"]!.GetValue<bool>());

    [Fact]
    public async Task Attaching_flips_requirements_at_once_and_the_job_runs_to_idle()
    {
        var checklist = await _world.CreateChecklistAsync();
        await _world.CreateQuestionAsync(checklist, new { description = "Q", question_type = "boolean", required = true });
        var provider = await _world.CreateProviderWorldAsync();
        var users = new List<string>();
        for (var i = 0; i < 3; i++) users.Add(await _world.CreateOfferingUserAsync(provider.Offering, await _world.CreateUserRecordAsync()));
        Assert.Equal((false, false), await RequirementsAsync(provider.Offering));

        var response = (await provider.Manager.Client.PostAsync(UpdatePath(provider.Offering), new { compliance_checklist = checklist }))
            .Expect(HttpStatusCode.OK);

        Assert.Equal(checklist, response["compliance_checklist"]);
        var sync = response.Json!["sync"]!;
        Assert.Equal(("running", checklist, 3), (sync["state"]!.ToString(), sync["checklist"]!.ToString(), sync["total"]!.GetValue<int>()));
        Assert.Equal((true, true), await RequirementsAsync(provider.Offering));
        var idle = await _world.WaitForSyncIdleAsync(provider.Offering);
        Assert.Equal((3, 3), (idle.Json!["total"]!.GetValue<int>(), idle.Json["processed"]!.GetValue<int>()));
        Assert.NotNull(idle.Json["finished"]);
        Assert.Null(idle.Json["error"]);
        foreach (var user in users)
        {
            var row = (await _world.Admin.GetAsync($"/api/marketplace-offering-users/{user}/")).Expect(HttpStatusCode.OK);
            Assert.True(row.Json!["has_compliance_checklist"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task An_omitted_field_changes_nothing()
    {
        var checklist = await _world.CreateChecklistAsync();
        var provider = await _world.CreateProviderWorldAsync(checklist);
        var response = (await provider.Owner.Client.PostAsync(UpdatePath(provider.Offering), new { })).Expect(HttpStatusCode.OK);
        Assert.Equal(checklist, response["compliance_checklist"]);
        Assert.Equal(checklist, await ChecklistOfAsync(provider.Offering));
    }

    [Fact]
    public async Task Null_detaches_the_checklist_and_flips_requirements_at_once()
    {
        var checklist = await _world.CreateChecklistAsync();
        var provider = await _world.CreateProviderWorldAsync(checklist);
        Assert.Equal((true, true), await RequirementsAsync(provider.Offering));

        var response = await _world.UpdateChecklistAsync(provider.Offering, null);

        Assert.Null(response.Json!["compliance_checklist"]);
        Assert.Null(await ChecklistOfAsync(provider.Offering));
        Assert.Equal((false, false), await RequirementsAsync(provider.Offering));
    }

    [Fact]
    public async Task An_unknown_checklist_or_one_of_another_type_is_400()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var unknown = Guid.NewGuid().ToString("N");
        var otherType = (await _world.Admin.PostAsync("/api/checklists-admin/", new { name = ApiWorld.Unique("project"), checklist_type = "project_compliance" }))
            .Expect(HttpStatusCode.Created)["uuid"];
        foreach (var value in new[] { unknown, otherType })
        {
            var response = (await _world.Admin.PostAsync(UpdatePath(provider.Offering), new { compliance_checklist = value })).Expect(HttpStatusCode.BadRequest);
            JsonAssert.Equal(new { compliance_checklist = new[] { $"Object with uuid={value} does not exist." } }, response);
        }
        Assert.Null(await ChecklistOfAsync(provider.Offering));
    }

    [Fact]
    public async Task A_malformed_uuid_is_a_field_error()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var response = (await _world.Admin.PostAsync(UpdatePath(provider.Offering), new { compliance_checklist = "nope" })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(response.Json!["compliance_checklist"]!.AsArray());
    }

    [Fact]
    public async Task An_archived_offering_cannot_be_updated()
    {
        var checklist = await _world.CreateChecklistAsync();
        var provider = await _world.CreateProviderWorldAsync();
        (await _world.Admin.PostAsync($"/api/marketplace-provider-offerings/{provider.Offering}/archive/")).Expect(HttpStatusCode.OK);
        var response = (await _world.Admin.PostAsync(UpdatePath(provider.Offering), new { compliance_checklist = checklist })).Expect(HttpStatusCode.BadRequest);
        JsonAssert.Equal(new { non_field_errors = new[] { "It is not possible to update archived offering." } }, response);
        Assert.Null(await ChecklistOfAsync(provider.Offering));
    }

    [Fact]
    public async Task Callers_who_cannot_see_the_offering_get_404_and_customer_support_403()
    {
        var checklist = await _world.CreateChecklistAsync();
        var provider = await _world.CreateProviderWorldAsync();
        var stranger = await _world.CreateUserAsync();
        (await stranger.Client.PostAsync(UpdatePath(provider.Offering), new { compliance_checklist = checklist })).Expect(HttpStatusCode.NotFound);
        (await stranger.Client.GetAsync($"/api/marketplace-provider-offerings/{provider.Offering}/compliance_sync/")).Expect(HttpStatusCode.NotFound);
        (await provider.SupportRole.Client.PostAsync(UpdatePath(provider.Offering), new { compliance_checklist = checklist })).Expect(HttpStatusCode.Forbidden);
        (await provider.SupportRole.Client.PostAsync(UpdatePath(provider.Offering), new { })).Expect(HttpStatusCode.Forbidden);
        (await provider.SupportRole.Client.PostAsync(UpdatePath(provider.Offering), new { compliance_checklist = "nope" })).Expect(HttpStatusCode.Forbidden);
        (await stranger.Client.PostAsync(UpdatePath(provider.Offering), new { compliance_checklist = "nope" })).Expect(HttpStatusCode.NotFound);
        Assert.Null(await ChecklistOfAsync(provider.Offering));
    }
}

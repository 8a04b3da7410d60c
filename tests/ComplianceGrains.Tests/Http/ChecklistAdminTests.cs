using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>Checklists of the checklist administration (API.md §2).</summary>
[Collection(ApiCollection.Name)]
public sealed class ChecklistAdminTests(ApiFactory factory)
{
    private const string Checklists = "/api/checklists-admin/";

    private readonly ApiWorld _world = new(factory);

    private async Task<ApiResponse> GetChecklistAsync(string checklist) =>
        (await _world.Admin.GetAsync($"{Checklists}{checklist}/")).Expect(HttpStatusCode.OK);

    [Fact]
    public async Task A_new_checklist_has_the_documented_fields_and_defaults()
    {
        var name = ApiWorld.Unique("checklist");

        var checklist = (await _world.Admin.PostAsync(Checklists, new { name })).Expect(HttpStatusCode.Created);

        Assert.Equal($"http://localhost{Checklists}{checklist["uuid"]}/", checklist["url"]);
        Assert.Equal(name, checklist["name"]);
        Assert.Equal("", checklist["description"]);
        Assert.Equal("offering_compliance", checklist["checklist_type"]);
        Assert.Equal(0, checklist.Json!["questions_count"]!.GetValue<int>());
        Assert.Matches("Z$", checklist["created"]);
        Assert.Matches("Z$", checklist["modified"]);
    }

    [Theory]
    [InlineData("""{}""", "name")]
    [InlineData("""{"name": ""}""", "name")]
    [InlineData("""{"name": null}""", "name")]
    [InlineData("""{"name": "x", "checklist_type": "holiday_plans"}""", "checklist_type")]
    public async Task Invalid_checklist_fields_are_400(string body, string field) =>
        (await _world.Admin.SendRawAsync(HttpMethod.Post, Checklists, body)).ExpectFieldError(field);

    [Fact]
    public async Task Name_and_description_lengths_are_limited()
    {
        (await _world.Admin.PostAsync(Checklists, new { name = new string('n', 151) })).ExpectFieldError("name");
        (await _world.Admin.PostAsync(Checklists, new { name = ApiWorld.Unique("c"), description = new string('d', 4097) }))
            .ExpectFieldError("description");
        (await _world.Admin.PostAsync(Checklists, new { name = new string('n', 150), description = new string('d', 4096) }))
            .Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields()
    {
        var name = ApiWorld.Unique("checklist");
        var checklist = (await _world.Admin.PostAsync(Checklists, new { name, description = "Before" })).Expect(HttpStatusCode.Created)["uuid"];

        var patched = (await _world.Admin.PatchAsync($"{Checklists}{checklist}/", new { description = "After" })).Expect(HttpStatusCode.OK);

        Assert.Equal(name, patched["name"]);
        Assert.Equal("After", patched["description"]);
        Assert.Equal("After", (await GetChecklistAsync(checklist))["description"]);
    }

    [Fact]
    public async Task Put_needs_the_required_fields_and_replaces_them()
    {
        var checklist = await _world.CreateChecklistAsync();

        (await _world.Admin.PutAsync($"{Checklists}{checklist}/", new { description = "No name" })).ExpectFieldError("name", "This field is required.");
        var replaced = (await _world.Admin.PutAsync($"{Checklists}{checklist}/", new { name = "Replaced", description = "New" }))
            .Expect(HttpStatusCode.OK);

        Assert.Equal("Replaced", replaced["name"]);
        Assert.Equal("Replaced", (await GetChecklistAsync(checklist))["name"]);
    }

    [Fact]
    public async Task Delete_is_204_and_removes_the_checklist_and_its_questions()
    {
        var checklist = await _world.CreateChecklistAsync();
        var question = await _world.CreateQuestionAsync(checklist, new { description = "Gone too" });

        (await _world.Admin.DeleteAsync($"{Checklists}{checklist}/")).Expect(HttpStatusCode.NoContent);

        (await _world.Admin.GetAsync($"{Checklists}{checklist}/")).ExpectDetail(HttpStatusCode.NotFound, "Not found.");
        (await _world.Admin.GetAsync($"/api/checklists-admin-questions/{question}/")).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain(checklist, await _world.Admin.ListAllUuidsAsync($"{Checklists}?page_size=300"));
    }

    [Fact]
    public async Task Deleting_a_checklist_used_by_an_offering_is_400_and_keeps_it()
    {
        var checklist = await _world.CreateChecklistAsync();
        await _world.CreateProviderWorldAsync(checklist);

        var refused = (await _world.Admin.DeleteAsync($"{Checklists}{checklist}/")).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(refused.Json!["detail"]);
        await GetChecklistAsync(checklist);
    }

    [Fact]
    public async Task The_list_filters_by_checklist_type()
    {
        var offering = await _world.CreateChecklistAsync();
        var project = (await _world.Admin.PostAsync(Checklists, new { name = ApiWorld.Unique("c"), checklist_type = "project_metadata" }))
            .Expect(HttpStatusCode.Created)["uuid"];

        var projectList = await _world.Admin.ListAllAsync($"{Checklists}?checklist_type=project_metadata&page_size=300");
        var offeringList = await _world.Admin.ListAllUuidsAsync($"{Checklists}?checklist_type=offering_compliance&page_size=300");

        Assert.All(projectList, c => Assert.Equal("project_metadata", c["checklist_type"]!.GetValue<string>()));
        Assert.Contains(project, projectList.Select(c => c["uuid"]!.GetValue<string>()));
        Assert.Contains(offering, offeringList);
        Assert.DoesNotContain(project, offeringList);
    }

    [Fact]
    public async Task An_unknown_checklist_type_filter_is_400() =>
        (await _world.Admin.GetAsync($"{Checklists}?checklist_type=holiday_plans"))
            .ExpectFieldError("checklist_type", "Select a valid choice. holiday_plans is not one of the available choices.");

    [Fact]
    public async Task Questions_count_follows_questions_added_and_deleted()
    {
        var checklist = await _world.CreateChecklistAsync();
        var first = await _world.CreateQuestionAsync(checklist, new { description = "One" });
        await _world.CreateQuestionAsync(checklist, new { description = "Two" });
        Assert.Equal(2, (await GetChecklistAsync(checklist)).Json!["questions_count"]!.GetValue<int>());

        (await _world.Admin.DeleteAsync($"/api/checklists-admin-questions/{first}/")).Expect(HttpStatusCode.NoContent);

        Assert.Equal(1, (await GetChecklistAsync(checklist)).Json!["questions_count"]!.GetValue<int>());
    }
}

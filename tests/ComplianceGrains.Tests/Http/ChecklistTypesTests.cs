using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>API.md §9: Waldur's checklist types and toolbar levels, and the rules that come with them.</summary>
[Collection(ApiCollection.Name)]
public sealed class ChecklistTypesTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    private Task<ApiResponse> CreateAsync(string type) =>
        _world.Admin.PostAsync("/api/checklists-admin/", new { name = ApiWorld.Unique("checklist"), checklist_type = type });

    [Fact]
    public async Task Every_waldur_checklist_type_is_accepted_and_only_offering_compliance_attaches_to_offerings()
    {
        var provider = await _world.CreateProviderWorldAsync();
        foreach (var type in new[] { "project_compliance", "proposal_compliance", "project_metadata", "workflow_step" })
        {
            var checklist = (await CreateAsync(type)).Expect(HttpStatusCode.Created);
            Assert.Equal(type, checklist["checklist_type"]);
            (await _world.Admin.PostAsync($"/api/marketplace-provider-offerings/{provider.Offering}/update_compliance_checklist/",
                    new { compliance_checklist = checklist["uuid"] }))
                .ExpectFieldError("compliance_checklist");
        }
        (await CreateAsync("customer_compliance")).ExpectFieldError("checklist_type");
    }

    [Fact]
    public async Task A_second_onboarding_checklist_of_a_type_is_400_naming_the_type_until_the_first_is_deleted()
    {
        foreach (var type in new[] { "onboarding_customer", "onboarding_intent" })
        {
            var first = (await CreateAsync(type)).Expect(HttpStatusCode.Created)["uuid"];

            (await CreateAsync(type)).ExpectFieldError("checklist_type", $"A checklist of type '{type}' already exists.");
            var other = await _world.CreateChecklistAsync();
            (await _world.Admin.PatchAsync($"/api/checklists-admin/{other}/", new { checklist_type = type }))
                .ExpectFieldError("checklist_type", $"A checklist of type '{type}' already exists.");
            (await _world.Admin.PatchAsync($"/api/checklists-admin/{first}/", new { name = "Renamed" })).Expect(HttpStatusCode.OK);

            (await _world.Admin.DeleteAsync($"/api/checklists-admin/{first}/")).Expect(HttpStatusCode.NoContent);
            var again = (await CreateAsync(type)).Expect(HttpStatusCode.Created)["uuid"];
            (await _world.Admin.DeleteAsync($"/api/checklists-admin/{again}/")).Expect(HttpStatusCode.NoContent);
        }
    }

    [Theory]
    [InlineData("minimal")]
    [InlineData("standard")]
    [InlineData("extended")]
    public async Task Rich_text_questions_take_waldurs_toolbar_levels(string level)
    {
        var checklist = await _world.CreateChecklistAsync();
        var question = await _world.CreateQuestionAsync(checklist, new { description = "Notes", question_type = "rich_text", rich_text_toolbar_level = level });
        Assert.Equal(level, (await _world.Admin.GetAsync($"/api/checklists-admin-questions/{question}/")).Expect(HttpStatusCode.OK)["rich_text_toolbar_level"]);
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("full")]
    public async Task The_old_toolbar_names_are_not_accepted(string level)
    {
        var checklist = await _world.CreateChecklistAsync();
        (await _world.Admin.PostAsync("/api/checklists-admin-questions/",
                new { checklist, description = "Notes", question_type = "rich_text", rich_text_toolbar_level = level }))
            .ExpectFieldError("rich_text_toolbar_level");
    }

    [Fact]
    public async Task Conditional_guidance_without_its_operator_and_value_is_400()
    {
        var checklist = await _world.CreateChecklistAsync();
        (await _world.Admin.PostAsync("/api/checklists-admin-questions/",
                new { checklist, description = "Agree?", question_type = "boolean", user_guidance = "Read it", always_show_guidance = false }))
            .ExpectFieldError("non_field_errors", "guidance_operator and guidance_answer_value are required when always_show_guidance is false.");
    }
}

using System.Net;
using System.Text.Json.Nodes;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>API.md §9: string fields Waldur declares non-nullable are sent as "" when they have no value.</summary>
[Collection(ApiCollection.Name)]
public sealed class BlankStringsTests(ApiFactory factory)
{
    private static readonly string[] BlankFields = ["operator", "guidance_operator", "user_guidance"];

    private readonly ApiWorld _world = new(factory);

    private static void AssertBlank(JsonNode question)
    {
        foreach (var field in BlankFields)
            Assert.Equal("", question[field]?.GetValue<string>());
    }

    [Fact]
    public async Task Admin_question_views_send_blanks_for_unset_operators_and_guidance()
    {
        var checklist = await _world.CreateChecklistAsync();
        var question = await _world.CreateQuestionAsync(checklist, new { description = "Agree?", question_type = "boolean" });

        AssertBlank((await _world.Admin.GetAsync($"/api/checklists-admin-questions/{question}/")).Expect(HttpStatusCode.OK).Json!);
        AssertBlank((await _world.Admin.GetAsync($"/api/checklists-admin-questions/?checklist_uuid={checklist}")).Expect(HttpStatusCode.OK).Array[0]!);
        AssertBlank((await _world.Admin.GetAsync($"/api/checklists-admin/{checklist}/questions/")).Expect(HttpStatusCode.OK).Array[0]!);
    }

    [Fact]
    public async Task Bodies_keep_accepting_null_and_blank_for_those_fields()
    {
        var checklist = await _world.CreateChecklistAsync();
        var withNulls = await _world.CreateQuestionAsync(checklist, new
        {
            description = "Nulls", question_type = "boolean", user_guidance = (string?)null, @operator = (string?)null,
            guidance_operator = (string?)null,
        });
        var response = (await _world.Admin.PatchAsync($"/api/checklists-admin-questions/{withNulls}/", new { user_guidance = "" }))
            .Expect(HttpStatusCode.OK);
        AssertBlank(response.Json!);

        var reviewed = await _world.CreateQuestionAsync(checklist, new
        {
            description = "Blanks", question_type = "boolean", @operator = "equals", review_answer_value = false,
        });
        var cleared = (await _world.Admin.PatchAsync($"/api/checklists-admin-questions/{reviewed}/",
                new { @operator = "", review_answer_value = (object?)null, guidance_operator = "", rich_text_toolbar_level = "" }))
            .Expect(HttpStatusCode.OK);
        AssertBlank(cleared.Json!);
        Assert.Equal("standard", cleared["rich_text_toolbar_level"]);
    }

    [Fact]
    public async Task The_reviewers_view_sends_a_blank_operator_and_reviewer_name_while_unreviewed()
    {
        var world = await _world.CreateOfferingUserWorldAsync(new { description = "Agree?", question_type = "boolean", required = true });

        var review = (await _world.Admin.GetAsync(world.Path("checklist_review"))).Expect(HttpStatusCode.OK).Json!;
        Assert.Equal("", review["questions"]![0]!["operator"]!.GetValue<string>());
        Assert.Equal("", review["completion"]!["reviewed_by_name"]!.GetValue<string>());
        var status = (await _world.Admin.GetAsync(world.Path("completion_review_status"))).Expect(HttpStatusCode.OK).Json!;
        Assert.Equal("", status["reviewed_by_name"]!.GetValue<string>());
        Assert.Null(status["reviewed_by"]);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>Questions of the checklist administration: defaults, references, order, changes (API.md §2).</summary>
[Collection(ApiCollection.Name)]
public sealed class QuestionAdminTests(ApiFactory factory)
{
    private const string Questions = "/api/checklists-admin-questions/";

    private readonly ApiWorld _world = new(factory);

    private async Task<ApiResponse> CreateAsync(object body, string path = Questions) =>
        (await _world.Admin.PostAsync(path, body)).Expect(HttpStatusCode.Created);

    private async Task<ApiResponse> GetAsync(string question) =>
        (await _world.Admin.GetAsync($"{Questions}{question}/")).Expect(HttpStatusCode.OK);

    [Fact]
    public async Task A_question_given_only_checklist_and_description_gets_the_documented_defaults()
    {
        var checklistName = ApiWorld.Unique("checklist");
        var checklist = await _world.CreateChecklistAsync(checklistName);

        var q = await CreateAsync(new { checklist, description = "Do you agree?" });

        Assert.Equal($"http://localhost{Questions}{q["uuid"]}/", q["url"]);
        Assert.Equal($"http://localhost/api/checklists-admin/{checklist}/", q["checklist"]);
        Assert.Equal(checklist, q["checklist_uuid"]);
        Assert.Equal(checklistName, q["checklist_name"]);
        Assert.Equal("offering_compliance", q["checklist_type"]);
        Assert.Equal("Do you agree?", q["description"]);
        var expectedDefaults = new JsonObject
        {
            ["question_type"] = "boolean", ["required"] = false, ["order"] = 0, ["user_guidance"] = "",
            ["always_show_guidance"] = true, ["guidance_answer_value"] = null, ["guidance_operator"] = "", ["operator"] = "",
            ["review_answer_value"] = null, ["always_requires_review"] = false, ["min_value"] = null, ["max_value"] = null,
            ["dependency_logic_operator"] = "and", ["allowed_file_types"] = new JsonArray(), ["allowed_mime_types"] = new JsonArray(),
            ["max_file_size_mb"] = null, ["max_files_count"] = null, ["likert_scale_length"] = null, ["likert_low_label"] = "",
            ["likert_high_label"] = "", ["likert_allow_na"] = false, ["rich_text_char_limit"] = null,
            ["rich_text_toolbar_level"] = "standard", ["question_options"] = new JsonArray(),
        };
        foreach (var (field, expected) in expectedDefaults)
            Assert.True(JsonNode.DeepEquals(expected, q.Json![field]), $"{field}: expected {expected?.ToJsonString() ?? "null"}, got {q.Json![field]?.ToJsonString() ?? "null"}");
    }

    [Fact]
    public async Task Min_and_max_values_are_decimal_strings_with_four_places()
    {
        var checklist = await _world.CreateChecklistAsync();

        var q = await CreateAsync(new { checklist, description = "How many?", question_type = "number", min_value = 10, max_value = "20.5" });

        Assert.Equal("10.0000", q["min_value"]);
        Assert.Equal("20.5000", q["max_value"]);
        Assert.Equal("10.0000", (await GetAsync(q["uuid"]))["min_value"]);
    }

    [Fact]
    public async Task Review_and_guidance_values_are_kept_as_given()
    {
        var checklist = await _world.CreateChecklistAsync();

        var q = await CreateAsync(new
        {
            checklist, description = "Agree?", @operator = "equals", review_answer_value = false,
            always_show_guidance = false, guidance_operator = "equals", guidance_answer_value = true, user_guidance = "Read the policy",
        });

        Assert.Equal("equals", q["operator"]);
        Assert.False(q.Json!["review_answer_value"]!.GetValue<bool>());
        Assert.True(q.Json!["guidance_answer_value"]!.GetValue<bool>());
        Assert.Equal("Read the policy", q["user_guidance"]);
        Assert.False(q.Json!["always_show_guidance"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("hex")]
    [InlineData("hyphenated")]
    [InlineData("url")]
    public async Task The_checklist_may_be_given_as_uuid_or_url(string form)
    {
        var checklist = (await _world.Admin.PostAsync("/api/checklists-admin/", new { name = ApiWorld.Unique("checklist") }))
            .Expect(HttpStatusCode.Created);
        var reference = form switch
        {
            "hex" => checklist["uuid"],
            "hyphenated" => Guid.ParseExact(checklist["uuid"], "N").ToString("D"),
            _ => checklist["url"],
        };

        var q = await CreateAsync(new { checklist = reference, description = "Referenced" });

        Assert.Equal(checklist["uuid"], q["checklist_uuid"]);
    }

    [Fact]
    public async Task An_unknown_or_malformed_checklist_is_400()
    {
        var missing = Guid.NewGuid().ToString("N");
        (await _world.Admin.PostAsync(Questions, new { checklist = missing, description = "Orphan" }))
            .ExpectFieldError("checklist", $"Object with uuid={missing} does not exist.");
        (await _world.Admin.PostAsync(Questions, new { checklist = "nope", description = "Orphan" }))
            .ExpectFieldError("checklist", "Must be a valid UUID.");
        (await _world.Admin.PostAsync(Questions, new { checklist = missing })).ExpectFieldError("description", "This field is required.");
    }

    [Fact]
    public async Task Questions_are_listed_by_order_then_creation()
    {
        var checklist = await _world.CreateChecklistAsync();
        var third = await _world.CreateQuestionAsync(checklist, new { description = "Third", order = 2 });
        var first = await _world.CreateQuestionAsync(checklist, new { description = "First", order = 1 });
        var second = await _world.CreateQuestionAsync(checklist, new { description = "Second", order = 1 });
        var expected = new[] { first, second, third };

        var nested = (await _world.Admin.GetAsync($"/api/checklists-admin/{checklist}/questions/")).Expect(HttpStatusCode.OK);

        Assert.Equal(expected, nested.Uuids());
        Assert.Equal(expected, await _world.Admin.ListAllUuidsAsync($"{Questions}?checklist_uuid={checklist}"));
    }

    [Fact]
    public async Task The_alias_path_creates_and_lists_the_same_questions()
    {
        var checklist = await _world.CreateChecklistAsync();

        var q = await CreateAsync(new { checklist, description = "Via alias" }, "/api/checklists-admin/questions/");

        Assert.Equal(new[] { q["uuid"] }, await _world.Admin.ListAllUuidsAsync($"{Questions}?checklist_uuid={checklist}"));
        Assert.Equal(new[] { q["uuid"] }, await _world.Admin.ListAllUuidsAsync($"/api/checklists-admin/questions/?checklist_uuid={checklist}"));
        (await _world.Admin.GetAsync($"/api/checklists-admin/questions/{q["uuid"]}/")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_list_filters_by_checklist_uuid()
    {
        var mine = await _world.CreateChecklistAsync();
        var other = await _world.CreateChecklistAsync();
        var question = await _world.CreateQuestionAsync(mine, new { description = "Mine" });
        await _world.CreateQuestionAsync(other, new { description = "Other" });

        Assert.Equal(new[] { question }, await _world.Admin.ListAllUuidsAsync($"{Questions}?checklist_uuid={mine}"));
        Assert.Empty(await _world.Admin.ListAllUuidsAsync($"{Questions}?checklist_uuid={Guid.NewGuid():N}"));
        (await _world.Admin.GetAsync($"{Questions}?checklist_uuid=123")).ExpectFieldError("checklist_uuid", "Must be a valid UUID.");
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields()
    {
        var checklist = await _world.CreateChecklistAsync();
        var question = await _world.CreateQuestionAsync(checklist, new { description = "Kept", question_type = "text_input", order = 3 });

        var patched = (await _world.Admin.PatchAsync($"{Questions}{question}/", new { required = true })).Expect(HttpStatusCode.OK);

        Assert.True(patched.Json!["required"]!.GetValue<bool>());
        Assert.Equal("Kept", patched["description"]);
        Assert.Equal("text_input", patched["question_type"]);
        Assert.Equal(3, (await GetAsync(question)).Json!["order"]!.GetValue<int>());
    }

    [Fact]
    public async Task Put_needs_checklist_and_description()
    {
        var checklist = await _world.CreateChecklistAsync();
        var question = await _world.CreateQuestionAsync(checklist, new { description = "Original" });

        var refused = (await _world.Admin.PutAsync($"{Questions}{question}/", new { required = true })).Expect(HttpStatusCode.BadRequest);
        refused.ExpectFieldError("checklist").ExpectFieldError("description");
        var replaced = (await _world.Admin.PutAsync($"{Questions}{question}/", new { checklist, description = "Replaced", question_type = "text_area" }))
            .Expect(HttpStatusCode.OK);

        Assert.Equal("Replaced", replaced["description"]);
        Assert.Equal("text_area", (await GetAsync(question))["question_type"]);
    }

    [Fact]
    public async Task Put_keeps_the_optional_fields_it_does_not_mention()
    {
        var checklist = await _world.CreateChecklistAsync();
        var question = await _world.CreateQuestionAsync(checklist, new { description = "Original", required = true, order = 7 });

        (await _world.Admin.PutAsync($"{Questions}{question}/", new { checklist, description = "Replaced" })).Expect(HttpStatusCode.OK);

        var stored = await GetAsync(question);
        Assert.Equal("Replaced", stored["description"]);
        Assert.True(stored.Json!["required"]!.GetValue<bool>());
        Assert.Equal(7, stored.Json!["order"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_question_cannot_move_to_another_checklist()
    {
        var checklist = await _world.CreateChecklistAsync();
        var other = await _world.CreateChecklistAsync();
        var question = await _world.CreateQuestionAsync(checklist, new { description = "Stays" });

        (await _world.Admin.PatchAsync($"{Questions}{question}/", new { checklist = other })).ExpectFieldError("checklist");

        Assert.Equal(checklist, (await GetAsync(question))["checklist_uuid"]);
    }

    [Fact]
    public async Task Delete_is_204_and_removes_the_question_and_its_options()
    {
        var checklist = await _world.CreateChecklistAsync();
        var question = await _world.CreateQuestionAsync(checklist, new { description = "Doomed", question_type = "single_select" });
        var option = await _world.CreateOptionAsync(question, "A");

        (await _world.Admin.DeleteAsync($"{Questions}{question}/")).Expect(HttpStatusCode.NoContent);

        (await _world.Admin.GetAsync($"{Questions}{question}/")).ExpectDetail(HttpStatusCode.NotFound, "Not found.");
        (await _world.Admin.GetAsync($"/api/checklists-admin-question-options/{option}/")).Expect(HttpStatusCode.NotFound);
        Assert.Empty((await _world.Admin.GetAsync($"/api/checklists-admin/{checklist}/questions/")).Expect(HttpStatusCode.OK).Array);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>The type-specific field rules of question administration (API.md §2): 400 and nothing stored.</summary>
[Collection(ApiCollection.Name)]
public sealed class QuestionValidationTests(ApiFactory factory)
{
    private const string Questions = "/api/checklists-admin-questions/";

    private readonly ApiWorld _world = new(factory);

    /// <summary>Posts a question with the given fields (plus a checklist and a description) to a new checklist.</summary>
    private async Task<(string Checklist, ApiResponse Response)> PostAsync(string fields)
    {
        var checklist = await _world.CreateChecklistAsync();
        var body = JsonNode.Parse(fields)!.AsObject();
        body["checklist"] = checklist;
        body.TryAdd("description", "Question under test");
        return (checklist, await _world.Admin.SendRawAsync(HttpMethod.Post, Questions, body.ToJsonString()));
    }

    private async Task<int> QuestionsCountAsync(string checklist) =>
        (await _world.Admin.GetAsync($"/api/checklists-admin/{checklist}/")).Expect(HttpStatusCode.OK).Json!["questions_count"]!.GetValue<int>();

    [Theory]
    [InlineData("""{"question_type": "essay"}""", "question_type")]
    [InlineData("""{"dependency_logic_operator": "xor"}""", "dependency_logic_operator")]
    [InlineData("""{"order": -1}""", "order")]
    [InlineData("""{"required": "perhaps"}""", "required")]
    // min/max only for number, year, rating; min <= max
    [InlineData("""{"question_type": "text_input", "min_value": 1}""", "non_field_errors")]
    [InlineData("""{"question_type": "boolean", "max_value": 5}""", "non_field_errors")]
    [InlineData("""{"question_type": "number", "min_value": 5, "max_value": 1}""", "non_field_errors")]
    [InlineData("""{"question_type": "year", "min_value": 2030, "max_value": 2020}""", "non_field_errors")]
    [InlineData("""{"question_type": "number", "min_value": "ten"}""", "min_value")]
    [InlineData("""{"question_type": "number", "min_value": "1.23456"}""", "min_value")]
    [InlineData("""{"question_type": "number", "max_value": 1234567}""", "max_value")]
    // likert
    [InlineData("""{"question_type": "likert"}""", "likert_scale_length")]
    [InlineData("""{"question_type": "likert", "likert_scale_length": 4}""", "likert_scale_length")]
    [InlineData("""{"question_type": "rating", "likert_scale_length": 5}""", "non_field_errors")]
    [InlineData("""{"question_type": "text_input", "likert_low_label": "Low"}""", "non_field_errors")]
    [InlineData("""{"question_type": "boolean", "likert_allow_na": true}""", "non_field_errors")]
    // rich text
    [InlineData("""{"question_type": "rich_text", "rich_text_char_limit": 0}""", "rich_text_char_limit")]
    [InlineData("""{"question_type": "text_area", "rich_text_char_limit": 100}""", "non_field_errors")]
    [InlineData("""{"question_type": "text_area", "rich_text_toolbar_level": "extended"}""", "non_field_errors")]
    [InlineData("""{"question_type": "rich_text", "rich_text_toolbar_level": "fancy"}""", "rich_text_toolbar_level")]
    // files
    [InlineData("""{"question_type": "text_input", "allowed_file_types": [".pdf"]}""", "non_field_errors")]
    [InlineData("""{"question_type": "boolean", "max_file_size_mb": 5}""", "non_field_errors")]
    [InlineData("""{"question_type": "file", "max_files_count": 2}""", "non_field_errors")]
    [InlineData("""{"question_type": "file", "allowed_file_types": ["pdf"]}""", "allowed_file_types")]
    [InlineData("""{"question_type": "file", "allowed_file_types": ".pdf"}""", "allowed_file_types")]
    [InlineData("""{"question_type": "file", "allowed_mime_types": ["pdf"]}""", "allowed_mime_types")]
    [InlineData("""{"question_type": "file", "max_file_size_mb": 0}""", "max_file_size_mb")]
    [InlineData("""{"question_type": "multiple_files", "max_files_count": 0}""", "max_files_count")]
    // review and guidance operators
    [InlineData("""{"question_type": "boolean", "operator": "equals"}""", "non_field_errors")]
    [InlineData("""{"question_type": "boolean", "review_answer_value": true}""", "non_field_errors")]
    [InlineData("""{"question_type": "boolean", "operator": "contains", "review_answer_value": true}""", "operator")]
    [InlineData("""{"question_type": "boolean", "operator": "bigger", "review_answer_value": true}""", "operator")]
    [InlineData("""{"question_type": "text_input", "operator": "in", "review_answer_value": ["a"]}""", "operator")]
    [InlineData("""{"question_type": "boolean", "always_show_guidance": false, "guidance_operator": "equals"}""", "non_field_errors")]
    [InlineData("""{"question_type": "boolean", "always_show_guidance": false, "guidance_operator": "in", "guidance_answer_value": [true]}""", "guidance_operator")]
    public async Task An_invalid_question_is_400_naming_the_field_and_is_not_stored(string fields, string errorField)
    {
        var (checklist, response) = await PostAsync(fields);

        response.ExpectFieldError(errorField);
        Assert.Equal(0, await QuestionsCountAsync(checklist));
    }

    [Theory]
    [InlineData("""{"question_type": "number", "min_value": 1, "max_value": 1}""")]
    [InlineData("""{"question_type": "year", "min_value": 1990}""")]
    [InlineData("""{"question_type": "number", "min_value": -999999.9999, "max_value": "999999.9999"}""")]
    [InlineData("""{"question_type": "rating", "min_value": 1, "max_value": 10}""")]
    [InlineData("""{"question_type": "likert", "likert_scale_length": 3}""")]
    [InlineData("""{"question_type": "likert", "likert_scale_length": 7, "likert_low_label": "No", "likert_high_label": "Yes", "likert_allow_na": true}""")]
    [InlineData("""{"question_type": "rich_text", "rich_text_char_limit": 500, "rich_text_toolbar_level": "extended"}""")]
    [InlineData("""{"question_type": "file", "allowed_file_types": [".pdf", ".docx"], "allowed_mime_types": ["application/pdf", "image/*"], "max_file_size_mb": 10}""")]
    [InlineData("""{"question_type": "multiple_files", "max_files_count": 3}""")]
    [InlineData("""{"question_type": "text_input", "operator": "contains", "review_answer_value": "secret"}""")]
    [InlineData("""{"question_type": "multi_select", "operator": "in", "review_answer_value": ["x"]}""")]
    [InlineData("""{"question_type": "boolean", "guidance_operator": "equals"}""")]
    public async Task A_valid_type_specific_question_is_stored(string fields)
    {
        var (checklist, response) = await PostAsync(fields);

        response.Expect(HttpStatusCode.Created);
        foreach (var (field, value) in JsonNode.Parse(fields)!.AsObject())
            if (field is not ("min_value" or "max_value"))
                Assert.True(JsonNode.DeepEquals(value, response.Json![field]), $"{field}: sent {value?.ToJsonString()}, got {response.Json![field]?.ToJsonString()}");
        Assert.Equal(1, await QuestionsCountAsync(checklist));
    }

    [Fact]
    public async Task A_patch_that_breaks_the_rules_is_400_and_leaves_the_question_unchanged()
    {
        var checklist = await _world.CreateChecklistAsync();
        var question = await _world.CreateQuestionAsync(checklist, new { description = "Age", question_type = "number", min_value = 0, max_value = 120 });

        (await _world.Admin.PatchAsync($"{Questions}{question}/", new { question_type = "text_input" })).ExpectFieldError("non_field_errors");
        (await _world.Admin.PatchAsync($"{Questions}{question}/", new { min_value = 200 })).ExpectFieldError("non_field_errors");

        var read = (await _world.Admin.GetAsync($"{Questions}{question}/")).Expect(HttpStatusCode.OK);
        Assert.Equal("number", read["question_type"]);
        Assert.Equal("0.0000", read["min_value"]);
    }
}

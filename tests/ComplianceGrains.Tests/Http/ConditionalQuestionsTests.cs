using System.Net;
using System.Text.Json.Nodes;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>
/// Conditional questions: the dependency administration endpoint (API.md §2) and what the offering user sees and
/// must answer as a result (BEHAVIOUR.md §3).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ConditionalQuestionsTests(ApiFactory factory)
{
    private const string Dependencies = "/api/checklists-admin-question-dependencies/";

    private readonly ApiWorld _world = new(factory);

    /// <summary>"Do you process personal data?" (required boolean) and a required follow-up shown only on yes.</summary>
    private async Task<(Questionnaire Questionnaire, string Gate, string FollowUp, string Dependency)> GatedChecklistAsync()
    {
        var questionnaire = await Questionnaire.CreateAsync(_world);
        var gate = await questionnaire.AddQuestionAsync(new
        {
            description = "Do you process personal data?", question_type = "boolean", required = true, order = 1,
        });
        var followUp = await questionnaire.AddQuestionAsync(new
        {
            description = "Who is your data protection officer?", question_type = "text_input", required = true, order = 2,
        });
        var dependency = (await CreateDependencyAsync(followUp, gate, true)).Expect(HttpStatusCode.Created)["uuid"];
        return (questionnaire, gate, followUp, dependency);
    }

    private Task<ApiResponse> CreateDependencyAsync(string question, string dependsOn, object? required, string op = "equals") =>
        _world.Admin.PostAsync(Dependencies, new { question, depends_on_question = dependsOn, required_answer_value = required, @operator = op });

    private static IReadOnlyList<string> Unanswered(JsonNode completion) =>
        completion["unanswered_required_questions"]!.AsArray().Select(q => q!["uuid"]!.GetValue<string>()).ToList();

    // ---- the administration endpoint ----

    [Fact]
    public async Task A_dependency_is_created_and_read_back_with_both_questions_named()
    {
        var (_, gate, followUp, dependency) = await GatedChecklistAsync();

        var body = (await _world.Admin.GetAsync($"{Dependencies}{dependency}/")).Expect(HttpStatusCode.OK).Json!;

        Assert.Equal(dependency, body["uuid"]!.GetValue<string>());
        Assert.Equal(followUp, body["question_uuid"]!.GetValue<string>());
        Assert.Equal("Who is your data protection officer?", body["question_name"]!.GetValue<string>());
        Assert.Equal(gate, body["depends_on_question_uuid"]!.GetValue<string>());
        Assert.Equal("Do you process personal data?", body["depends_on_question_name"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonValue.Create(true), body["required_answer_value"]));
        Assert.Equal("equals", body["operator"]!.GetValue<string>());
        Assert.EndsWith($"/api/checklists-admin-question-dependencies/{dependency}/", body["url"]!.GetValue<string>());
        Assert.EndsWith($"/api/checklists-admin-questions/{followUp}/", body["question"]!.GetValue<string>());
        Assert.EndsWith($"/api/checklists-admin-questions/{gate}/", body["depends_on_question"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_list_can_be_filtered_by_question()
    {
        var (_, _, followUp, dependency) = await GatedChecklistAsync();
        await GatedChecklistAsync();

        var response = (await _world.Admin.GetAsync($"{Dependencies}?question_uuid={followUp}")).Expect(HttpStatusCode.OK);

        Assert.Equal([dependency], response.Uuids());
        Assert.Equal("1", response.Header("X-Result-Count"));
    }

    [Fact]
    public async Task Patch_changes_the_condition_and_the_user_sees_the_effect()
    {
        var (questionnaire, gate, followUp, dependency) = await GatedChecklistAsync();
        var respondent = await questionnaire.StartAsync();
        await respondent.AnswerAsync((gate, false));
        Assert.DoesNotContain(followUp, Respondent.QuestionUuids(await respondent.ChecklistAsync()));

        var patched = (await _world.Admin.PatchAsync($"{Dependencies}{dependency}/", new { required_answer_value = false }))
            .Expect(HttpStatusCode.OK).Json!;

        Assert.True(JsonNode.DeepEquals(JsonValue.Create(false), patched["required_answer_value"]));
        Assert.Equal(gate, patched["depends_on_question_uuid"]!.GetValue<string>());
        Assert.Contains(followUp, Respondent.QuestionUuids(await respondent.ChecklistAsync()));
        Assert.Equal([followUp], Unanswered(await respondent.StatusAsync()));
    }

    [Fact]
    public async Task Delete_removes_the_condition_and_the_question_is_always_shown()
    {
        var (questionnaire, gate, followUp, dependency) = await GatedChecklistAsync();
        var respondent = await questionnaire.StartAsync();
        await respondent.AnswerAsync((gate, false));

        (await _world.Admin.DeleteAsync($"{Dependencies}{dependency}/")).Expect(HttpStatusCode.NoContent);

        (await _world.Admin.GetAsync($"{Dependencies}{dependency}/")).ExpectDetail(HttpStatusCode.NotFound, "Not found.");
        Assert.Empty((await _world.Admin.GetAsync($"{Dependencies}?question_uuid={followUp}")).Expect(HttpStatusCode.OK).Array);
        var checklist = await respondent.ChecklistAsync();
        Assert.Contains(followUp, Respondent.QuestionUuids(checklist));
        Assert.Null(Respondent.Question(checklist, followUp)["dependencies_info"]);
        Assert.False((await respondent.StatusAsync())["is_completed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Only_staff_may_administer_dependencies()
    {
        var (questionnaire, gate, followUp, dependency) = await GatedChecklistAsync();
        var respondent = await questionnaire.StartAsync();
        var forbidden = "{\"detail\": \"You do not have permission to perform this action.\"}";

        foreach (var caller in new[] { respondent.User.Client, respondent.Provider.Owner.Client, respondent.Provider.Manager.Client })
        {
            (await caller.GetAsync(Dependencies)).ExpectBody(HttpStatusCode.Forbidden, forbidden);
            (await caller.GetAsync($"{Dependencies}{dependency}/")).ExpectBody(HttpStatusCode.Forbidden, forbidden);
            (await caller.PostAsync(Dependencies, new { question = gate, depends_on_question = followUp, required_answer_value = "x" }))
                .ExpectBody(HttpStatusCode.Forbidden, forbidden);
            (await caller.PatchAsync($"{Dependencies}{dependency}/", new { required_answer_value = false }))
                .ExpectBody(HttpStatusCode.Forbidden, forbidden);
            (await caller.DeleteAsync($"{Dependencies}{dependency}/")).ExpectBody(HttpStatusCode.Forbidden, forbidden);
        }
        (await _world.Anonymous.GetAsync(Dependencies)).Expect(HttpStatusCode.Unauthorized);

        var unchanged = (await _world.Admin.GetAsync($"{Dependencies}{dependency}/")).Expect(HttpStatusCode.OK).Json!;
        Assert.True(JsonNode.DeepEquals(JsonValue.Create(true), unchanged["required_answer_value"]));
    }

    [Fact]
    public async Task Self_dependency_is_refused()
    {
        var (_, gate, _, _) = await GatedChecklistAsync();

        (await CreateDependencyAsync(gate, gate, true)).ExpectFieldError("non_field_errors", "Question cannot depend on itself");
    }

    [Fact]
    public async Task A_cycle_is_refused_with_a_message_naming_it()
    {
        var (_, gate, followUp, _) = await GatedChecklistAsync();

        var response = await CreateDependencyAsync(gate, followUp, "Jane", "contains");

        response.ExpectFieldError("non_field_errors");
        var message = response.Json!["non_field_errors"]![0]!.GetValue<string>();
        Assert.Contains("Do you process personal data?", message);
        Assert.Contains("Who is your data protection officer?", message);
        Assert.Single((await _world.Admin.GetAsync($"{Dependencies}?question_uuid={followUp}")).Array);
        Assert.Empty((await _world.Admin.GetAsync($"{Dependencies}?question_uuid={gate}")).Array);
    }

    [Fact]
    public async Task Questions_of_different_checklists_cannot_depend_on_each_other()
    {
        var (_, gate, _, _) = await GatedChecklistAsync();
        var (_, _, otherFollowUp, _) = await GatedChecklistAsync();

        var response = await CreateDependencyAsync(otherFollowUp, gate, true);

        response.Expect(HttpStatusCode.BadRequest);
        response.ExpectJsonError();
        Assert.Single((await _world.Admin.GetAsync($"{Dependencies}?question_uuid={otherFollowUp}")).Array);
    }

    [Theory]
    [InlineData("contains", "\"yes\"", "operator")]
    [InlineData("in", "[true]", "operator")]
    [InlineData("bigger", "true", "operator")]
    [InlineData("equals", "\"yes\"", "required_answer_value")]
    [InlineData("equals", "1", "required_answer_value")]
    public async Task The_operator_must_suit_the_depended_on_question_and_the_value_be_a_valid_answer(string op, string value, string field)
    {
        var (questionnaire, gate, _, _) = await GatedChecklistAsync();
        var other = await questionnaire.AddQuestionAsync(new { description = "Notes", question_type = "text_input" });

        var response = await _world.Admin.SendRawAsync(HttpMethod.Post, Dependencies,
            $$"""{"question": "{{other}}", "depends_on_question": "{{gate}}", "required_answer_value": {{value}}, "operator": "{{op}}"}""");

        response.ExpectFieldError(field);
        Assert.Empty((await _world.Admin.GetAsync($"{Dependencies}?question_uuid={other}")).Array);
    }

    [Fact]
    public async Task Missing_or_unknown_questions_are_field_errors()
    {
        var (_, gate, followUp, _) = await GatedChecklistAsync();

        (await _world.Admin.PostAsync(Dependencies, new { depends_on_question = gate, required_answer_value = true })).ExpectFieldError("question");
        (await _world.Admin.PostAsync(Dependencies, new { question = followUp, required_answer_value = true })).ExpectFieldError("depends_on_question");
        (await _world.Admin.PostAsync(Dependencies, new { question = followUp, depends_on_question = gate })).ExpectFieldError("required_answer_value");
        (await CreateDependencyAsync(Guid.NewGuid().ToString("N"), gate, true)).ExpectFieldError("question");
        (await CreateDependencyAsync("not-a-uuid", gate, true)).ExpectFieldError("question");
    }

    [Fact]
    public async Task A_patch_that_would_make_the_dependency_invalid_is_refused_and_changes_nothing()
    {
        var (_, gate, _, dependency) = await GatedChecklistAsync();

        (await _world.Admin.PatchAsync($"{Dependencies}{dependency}/", new { @operator = "contains" })).ExpectFieldError("operator");
        (await _world.Admin.PatchAsync($"{Dependencies}{dependency}/", new { required_answer_value = "maybe" }))
            .ExpectFieldError("required_answer_value");
        (await _world.Admin.PatchAsync($"{Dependencies}{dependency}/", new { depends_on_question = (await GatedChecklistAsync()).Gate }))
            .Expect(HttpStatusCode.BadRequest);

        var unchanged = (await _world.Admin.GetAsync($"{Dependencies}{dependency}/")).Expect(HttpStatusCode.OK).Json!;
        Assert.Equal("equals", unchanged["operator"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonValue.Create(true), unchanged["required_answer_value"]));
        Assert.Equal(gate, unchanged["depends_on_question_uuid"]!.GetValue<string>());
    }

    // ---- what the offering user sees ----

    [Fact]
    public async Task Answering_no_completes_the_checklist_without_the_follow_up()
    {
        var (questionnaire, gate, followUp, _) = await GatedChecklistAsync();
        var respondent = await questionnaire.StartAsync();

        var completion = await respondent.AnswerAsync((gate, false));

        Assert.True(completion["is_completed"]!.GetValue<bool>());
        Assert.Equal(100.0, completion["completion_percentage"]!.GetValue<double>());
        Assert.Empty(Unanswered(completion));
        Assert.Equal([gate], Respondent.QuestionUuids(await respondent.ChecklistAsync()));
        Assert.DoesNotContain(followUp, Unanswered(await respondent.StatusAsync()));
    }

    [Fact]
    public async Task Answering_yes_makes_the_follow_up_required_until_it_is_answered()
    {
        var (questionnaire, gate, followUp, _) = await GatedChecklistAsync();
        var respondent = await questionnaire.StartAsync();

        var pending = await respondent.AnswerAsync((gate, true));

        Assert.False(pending["is_completed"]!.GetValue<bool>());
        Assert.Equal(50.0, pending["completion_percentage"]!.GetValue<double>());
        Assert.Equal([followUp], Unanswered(pending));
        Assert.Equal([gate, followUp], Respondent.QuestionUuids(await respondent.ChecklistAsync()));

        var done = await respondent.AnswerAsync((followUp, "Jane Doe"));

        Assert.True(done["is_completed"]!.GetValue<bool>());
        Assert.Equal(100.0, done["completion_percentage"]!.GetValue<double>());
    }

    [Fact]
    public async Task Before_any_answer_only_the_gate_is_shown_and_counted()
    {
        var (questionnaire, gate, followUp, _) = await GatedChecklistAsync();
        var respondent = await questionnaire.StartAsync();

        var checklist = await respondent.ChecklistAsync();

        Assert.Equal([gate], Respondent.QuestionUuids(checklist));
        Assert.Equal([gate], Unanswered(checklist["completion"]!));
        Assert.Equal([gate, followUp], Respondent.QuestionUuids(await respondent.ChecklistAsync(includeAll: true)));
    }

    [Fact]
    public async Task An_answer_to_a_question_that_becomes_hidden_is_kept_but_not_counted()
    {
        var (questionnaire, gate, followUp, _) = await GatedChecklistAsync();
        var notes = await questionnaire.AddQuestionAsync(new { description = "Anything else?", question_type = "text_area", order = 3 });
        var respondent = await questionnaire.StartAsync();
        await respondent.AnswerAsync((gate, true), (followUp, "Jane Doe"));

        var completion = await respondent.AnswerAsync((gate, false));

        Assert.True(completion["is_completed"]!.GetValue<bool>());
        Assert.Equal(50.0, completion["completion_percentage"]!.GetValue<double>()); // gate answered, notes not; follow-up hidden
        Assert.Equal([gate, notes], Respondent.QuestionUuids(await respondent.ChecklistAsync()));
        var all = await respondent.ChecklistAsync(includeAll: true);
        Assert.Equal("Jane Doe", Respondent.Question(all, followUp)["existing_answer"]!["answer_data"]!.GetValue<string>());

        var shownAgain = await respondent.AnswerAsync((gate, true));
        Assert.True(shownAgain["is_completed"]!.GetValue<bool>());
        Assert.Equal(66.7, shownAgain["completion_percentage"]!.GetValue<double>());
    }

    [Fact]
    public async Task Dependencies_info_describes_the_conditions()
    {
        var (questionnaire, gate, followUp, _) = await GatedChecklistAsync();
        var country = await questionnaire.AddQuestionAsync(new { description = "Where is the data stored?", question_type = "country", order = 3 });
        var transfer = await questionnaire.AddQuestionAsync(new
        {
            description = "Describe the transfer safeguards", question_type = "text_area", order = 4, dependency_logic_operator = "or",
        });
        (await CreateDependencyAsync(transfer, country, new[] { "US", "CN" }, "in")).Expect(HttpStatusCode.Created);
        (await CreateDependencyAsync(transfer, followUp, "abroad", "contains")).Expect(HttpStatusCode.Created);
        var respondent = await questionnaire.StartAsync();

        var checklist = await respondent.ChecklistAsync(includeAll: true);

        Assert.Null(Respondent.Question(checklist, gate)["dependencies_info"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"logic": "and", "conditions": [
              {"question_description": "Do you process personal data?", "operator": "equals", "required_value": true}]}
            """), Respondent.Question(checklist, followUp)["dependencies_info"]), Respondent.Question(checklist, followUp).ToJsonString());
        var info = Respondent.Question(checklist, transfer)["dependencies_info"]!;
        Assert.Equal("or", info["logic"]!.GetValue<string>());
        var conditions = info["conditions"]!.AsArray();
        Assert.Equal(2, conditions.Count);
        Assert.Contains(conditions, c => JsonNode.DeepEquals(c, JsonNode.Parse(
            """{"question_description": "Where is the data stored?", "operator": "in", "required_value": ["US", "CN"]}""")));
        Assert.Contains(conditions, c => JsonNode.DeepEquals(c, JsonNode.Parse(
            """{"question_description": "Who is your data protection officer?", "operator": "contains", "required_value": "abroad"}""")));
    }

    [Fact]
    public async Task With_or_logic_any_one_condition_shows_the_question()
    {
        var questionnaire = await Questionnaire.CreateAsync(_world);
        var country = await questionnaire.AddQuestionAsync(new { description = "Data location", question_type = "country", order = 1 });
        var vendor = await questionnaire.AddQuestionAsync(new { description = "Vendor", question_type = "text_input", order = 2 });
        var safeguards = await questionnaire.AddQuestionAsync(new
        {
            description = "Safeguards", question_type = "text_area", required = true, order = 3, dependency_logic_operator = "or",
        });
        (await CreateDependencyAsync(safeguards, country, new[] { "US" }, "in")).Expect(HttpStatusCode.Created);
        (await CreateDependencyAsync(safeguards, vendor, "cloud", "contains")).Expect(HttpStatusCode.Created);
        var respondent = await questionnaire.StartAsync();

        Assert.True((await respondent.AnswerAsync((country, "ee"), (vendor, "on premises")))["is_completed"]!.GetValue<bool>());
        Assert.Equal([safeguards], Unanswered(await respondent.AnswerAsync((vendor, "a cloud provider"))));
        Assert.True((await respondent.AnswerAsync((vendor, "on premises")))["is_completed"]!.GetValue<bool>());
        Assert.Equal([safeguards], Unanswered(await respondent.AnswerAsync((country, "us"))));
    }

    [Fact]
    public async Task A_hidden_parent_hides_the_whole_chain()
    {
        var questionnaire = await Questionnaire.CreateAsync(_world);
        var cloud = await questionnaire.AddQuestionAsync(new { description = "Do you use cloud services?", question_type = "boolean", order = 1 });
        var abroad = await questionnaire.AddQuestionAsync(new { description = "Is data stored abroad?", question_type = "boolean", order = 2 });
        var where = await questionnaire.AddQuestionAsync(new { description = "Which country?", question_type = "country", required = true, order = 3 });
        (await CreateDependencyAsync(abroad, cloud, true)).Expect(HttpStatusCode.Created);
        (await CreateDependencyAsync(where, abroad, true)).Expect(HttpStatusCode.Created);
        var respondent = await questionnaire.StartAsync();

        Assert.Equal([where], Unanswered(await respondent.AnswerAsync((cloud, true), (abroad, true))));

        var completion = await respondent.AnswerAsync((cloud, false));

        Assert.True(completion["is_completed"]!.GetValue<bool>());
        Assert.Equal([cloud], Respondent.QuestionUuids(await respondent.ChecklistAsync()));
    }
}

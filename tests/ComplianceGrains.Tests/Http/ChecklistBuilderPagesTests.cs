using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>The checklist builder's forms, posted as a browser without script posts them (UI.md, builder).</summary>
[Collection(ApiCollection.Name)]
public sealed class ChecklistBuilderPagesTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    private async Task<PageClient> StaffAsync() => await PageClient.SignInAsync(factory, await _world.CreateUserAsync(staff: true));

    [Fact]
    public async Task Deleting_a_checklist_is_refused_with_the_reason_while_an_offering_uses_it_and_done_once_detached()
    {
        var checklist = await _world.CreateChecklistAsync();
        var provider = await _world.CreateProviderWorldAsync(checklist);
        var staff = await StaffAsync();
        var path = $"/admin/checklists/{checklist}/";

        var refused = await staff.PostFormAsync(path, "Delete", []);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["The checklist is used by offerings; detach it from them before deleting it."], refused.Messages("form-errors"));
        (await _world.Admin.GetAsync($"/api/checklists-admin/{checklist}/")).Expect(HttpStatusCode.OK);

        (await _world.UpdateChecklistAsync(provider.Offering, null)).Expect(HttpStatusCode.OK);
        var deleted = await staff.PostFormAsync(path, "Delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal("/admin/checklists/", deleted.Location);
        (await _world.Admin.GetAsync($"/api/checklists-admin/{checklist}/")).Expect(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_condition_that_closes_a_cycle_is_refused_with_the_message_naming_it_and_nothing_is_stored(bool inUse)
    {
        var (checklist, questions) = await _world.CreateChecklistWithQuestionsAsync(
            new { description = "Uses cloud", question_type = "boolean", order = 1 },
            new { description = "Cloud vendor", question_type = "boolean", order = 2 });
        // In use, the edit is previewed first; the preview refuses it as the edit would.
        if (inUse) await _world.CreateProviderWorldAsync(checklist);
        (await _world.Admin.PostAsync("/api/checklists-admin-question-dependencies/", new
        {
            question = questions[1], depends_on_question = questions[0], required_answer_value = true, @operator = "equals",
        })).Expect(HttpStatusCode.Created);
        var staff = await StaffAsync();
        var path = $"/admin/checklists/{checklist}/questions/{questions[0]}/";

        var refused = await staff.PostFormAsync($"{path}?on={questions[1]}", "AddDependency",
            new() { ["depends_on"] = questions[1], ["operator"] = "equals", ["value"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["Circular dependency detected: 'Uses cloud' -> 'Cloud vendor' -> 'Uses cloud'"], refused.Messages("form-errors"));
        var dependencies = (await _world.Admin.GetAsync($"/api/checklists-admin-question-dependencies/?question_uuid={questions[0]}"))
            .Expect(HttpStatusCode.OK);
        Assert.Empty(dependencies.Json!.AsArray());
    }

    [Fact]
    public async Task A_condition_on_a_select_question_stores_the_chosen_options_as_the_api_would()
    {
        var (checklist, questions) = await _world.CreateChecklistWithQuestionsAsync(
            new { description = "Region", question_type = "single_select", order = 1 },
            new { description = "Processor", question_type = "text_input", order = 2 });
        var eu = await _world.CreateOptionAsync(questions[0], "EU");
        await _world.CreateOptionAsync(questions[0], "USA");
        var staff = await StaffAsync();
        var path = $"/admin/checklists/{checklist}/questions/{questions[1]}/";

        var added = await staff.PostFormAsync($"{path}?on={questions[0]}", "AddDependency",
            new() { ["depends_on"] = questions[0], ["operator"] = "equals", ["value"] = eu });

        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var stored = (await _world.Admin.GetAsync($"/api/checklists-admin-question-dependencies/?question_uuid={questions[1]}"))
            .Expect(HttpStatusCode.OK).Json!.AsArray().Single()!;
        Assert.Equal(questions[0], stored["depends_on_question_uuid"]!.GetValue<string>());
        Assert.Equal("equals", stored["operator"]!.GetValue<string>());
        Assert.Equal(eu, stored["required_answer_value"]!.AsArray().Single()!.GetValue<string>());
    }

    [Fact]
    public async Task The_builder_refuses_what_the_api_refuses_with_the_same_message_next_to_the_field()
    {
        var checklist = await _world.CreateChecklistAsync();
        var staff = await StaffAsync();
        var path = $"/admin/checklists/{checklist}/";
        var api = (await _world.Admin.PostAsync("/api/checklists-admin-questions/", new
        {
            checklist, description = "Employees", question_type = "number", min_value = 10, max_value = 1,
        })).Expect(HttpStatusCode.BadRequest);

        var refused = await staff.PostFormAsync(path, "AddQuestion",
            new() { ["description"] = "Employees", ["question_type"] = "number", ["min_value"] = "10", ["max_value"] = "1" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal([api.Json!["non_field_errors"]![0]!.GetValue<string>()], refused.Messages("form-errors"));
        var likert = await staff.PostFormAsync(path, "AddQuestion", new() { ["description"] = "Mature", ["question_type"] = "likert" });
        Assert.Equal(["This field is required for likert questions."], likert.Messages("likert_scale_length-errors"));
        var longName = await staff.PostFormAsync("/admin/checklists/", "Create", new() { ["name"] = new string('n', 151), ["checklist_type"] = "offering_compliance" });
        Assert.Equal(["Ensure this field has no more than 150 characters."], longName.Messages("name-errors"));
        var unchanged = (await _world.Admin.GetAsync($"/api/checklists-admin/{checklist}/")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, unchanged.Json!["questions_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Adding_a_required_question_to_a_checklist_in_use_first_says_which_completions_become_incomplete()
    {
        var world = await _world.CreateOfferingUserWorldAsync(new { description = "Agree", question_type = "boolean", required = true });
        var secondName = ApiWorld.Unique("Second Signer");
        var second = await _world.CreateUserAsync(fullName: secondName);
        var secondOfferingUser = await _world.CreateOfferingUserAsync(world.Provider.Offering, second);
        var pending = await _world.CreateUserAsync(fullName: ApiWorld.Unique("Not Yet"));
        var pendingOfferingUser = await _world.CreateOfferingUserAsync(world.Provider.Offering, pending);
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], true))).Expect(HttpStatusCode.OK);
        (await ApiWorld.SubmitAsync(second.Client, secondOfferingUser, (world.Questions[0], false))).Expect(HttpStatusCode.OK);
        (await pending.Client.GetAsync($"/api/marketplace-offering-users/{pendingOfferingUser}/completion_status/")).Expect(HttpStatusCode.OK);
        var staff = await StaffAsync();
        var path = $"/admin/checklists/{world.Checklist}/";
        var required = new Dictionary<string, string> { ["description"] = "Second thoughts", ["question_type"] = "boolean", ["required"] = "true" };

        var asked = await staff.PostFormAsync(path, "AddQuestion", required);

        Assert.Equal(HttpStatusCode.OK, asked.Status);
        var impact = asked.TextOf("impact");
        Assert.Contains("This change re-evaluates 3 completion(s) of 1 offering(s) using the checklist. 2 completed checklist(s) become incomplete:", impact);
        Assert.Contains(secondName, impact);
        Assert.DoesNotContain("Not Yet", impact);
        var unchanged = (await _world.Admin.GetAsync($"/api/checklists-admin/{world.Checklist}/")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, unchanged.Json!["questions_count"]!.GetValue<int>());

        var optional = await staff.PostFormAsync(path, "AddQuestion", new() { ["description"] = "Remarks", ["question_type"] = "text_area" });
        Assert.Contains("re-evaluates 3 completion(s) of 1 offering(s) using the checklist. No completed checklist becomes incomplete.", optional.TextOf("impact"));

        var confirmed = await staff.PostFormAsync(path, "AddQuestion", new(required) { ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        var saved = (await _world.Admin.GetAsync($"/api/checklists-admin/{world.Checklist}/")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, saved.Json!["questions_count"]!.GetValue<int>());
        await Eventually.UntilAsync(
            async () => (await world.User.Client.GetAsync(world.Path("completion_status"))).Expect(HttpStatusCode.OK)["is_completed"],
            completed => completed.Equals("false", StringComparison.OrdinalIgnoreCase), "the required question to reopen the completion");
    }

    [Fact]
    public async Task Making_a_question_required_names_the_completions_that_see_it_unanswered_before_it_is_saved()
    {
        var world = await _world.CreateOfferingUserWorldAsync(
            new { description = "Agree", question_type = "boolean", required = true, order = 1 },
            new { description = "Remarks", question_type = "text_input", order = 2 });
        var otherName = ApiWorld.Unique("Olga Other");
        var other = await _world.CreateUserAsync(fullName: otherName);
        var otherOfferingUser = await _world.CreateOfferingUserAsync(world.Provider.Offering, other);
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], true), (world.Questions[1], "fine"))).Expect(HttpStatusCode.OK);
        (await ApiWorld.SubmitAsync(other.Client, otherOfferingUser, (world.Questions[0], true))).Expect(HttpStatusCode.OK);
        var staff = await StaffAsync();

        var asked = await staff.PostFormAsync($"/admin/checklists/{world.Checklist}/questions/{world.Questions[1]}/", "Save",
            new() { ["description"] = "Remarks", ["question_type"] = "text_input", ["required"] = "true", ["review"] = "none", ["guidance"] = "always" });

        Assert.Equal(HttpStatusCode.OK, asked.Status);
        var impact = asked.TextOf("impact");
        Assert.Contains("re-evaluates 2 completion(s) of 1 offering(s) using the checklist. 1 completed checklist(s) become incomplete:", impact);
        Assert.Contains(otherName, impact);
        var question = (await _world.Admin.GetAsync($"/api/checklists-admin-questions/{world.Questions[1]}/")).Expect(HttpStatusCode.OK);
        Assert.Equal("false", question["required"].ToLowerInvariant());
    }

    [Fact]
    public async Task The_preview_without_script_shows_the_conditional_question_for_the_answers_tried_and_stores_nothing()
    {
        var (checklist, questions) = await _world.CreateChecklistWithQuestionsAsync(
            new { description = "Uses cloud", question_type = "boolean", order = 1 },
            new { description = "Cloud vendor", question_type = "text_input", order = 2 });
        (await _world.Admin.PostAsync("/api/checklists-admin-question-dependencies/", new
        {
            question = questions[1], depends_on_question = questions[0], required_answer_value = true, @operator = "equals",
        })).Expect(HttpStatusCode.Created);
        var staff = await StaffAsync();
        var path = $"/admin/checklists/{checklist}/preview/";
        Assert.Matches($"id=\"q{questions[1]}\"[^>]* hidden", (await staff.GetAsync(path)).Html);

        var tried = await staff.PostFormAsync(path, null, [], ("questions", questions[0]), ("questions", questions[1]), ($"q-{questions[0]}", "true"));

        Assert.Equal(HttpStatusCode.OK, tried.Status);
        Assert.DoesNotMatch($"id=\"q{questions[1]}\"[^>]* hidden", tried.Html);
        Assert.Matches($"name=\"q-{questions[0]}\" value=\"true\" checked", tried.Html);
    }

    [Fact]
    public async Task A_review_trigger_saved_from_the_form_is_the_api_value_and_a_new_type_clears_it()
    {
        var (checklist, questions) = await _world.CreateChecklistWithQuestionsAsync(new { description = "Subcontractors", question_type = "boolean" });
        var staff = await StaffAsync();
        var path = $"/admin/checklists/{checklist}/questions/{questions[0]}/";
        var fields = new Dictionary<string, string>
        {
            ["description"] = "Subcontractors", ["question_type"] = "boolean", ["review"] = "when", ["operator"] = "equals",
            ["review_value"] = "true", ["guidance"] = "always",
        };

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(path, "Save", fields)).Status);
        var saved = (await _world.Admin.GetAsync($"/api/checklists-admin-questions/{questions[0]}/")).Expect(HttpStatusCode.OK);
        Assert.Equal("equals", saved["operator"]);
        Assert.True(saved.Json!["review_answer_value"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(path, "Save", new(fields) { ["question_type"] = "text_input" })).Status);
        var retyped = (await _world.Admin.GetAsync($"/api/checklists-admin-questions/{questions[0]}/")).Expect(HttpStatusCode.OK);
        Assert.Equal("text_input", retyped["question_type"]);
        Assert.Null(retyped.Json!["review_answer_value"]);
    }
}

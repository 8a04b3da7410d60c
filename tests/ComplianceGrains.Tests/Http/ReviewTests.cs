using System.Net;
using System.Text.Json.Nodes;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>
/// The provider's review (API.md §4 Review, BEHAVIOUR.md §3 and §5): which answers require review, the reviewer's
/// views, recording a review and clearing it, who may do it, and that the user's own views show none of it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    private sealed record Setup(
        Respondent Respondent, string AlwaysReviewed, string BooleanFalse, string NumberZero, string TextEmpty, string Plain);

    /// <summary>A checklist with one question per kind of review trigger, falsy trigger values included.</summary>
    private async Task<Setup> CreateAsync()
    {
        var questionnaire = await Questionnaire.CreateAsync(_world);
        var always = await questionnaire.AddQuestionAsync(new
        {
            description = "Describe any security incidents", question_type = "text_area", order = 1, always_requires_review = true,
        });
        var booleanFalse = await questionnaire.AddQuestionAsync(new
        {
            description = "Is MFA enforced for all accounts?", question_type = "boolean", order = 2,
            @operator = "equals", review_answer_value = false,
        });
        var numberZero = await questionnaire.AddQuestionAsync(new
        {
            description = "Security staff headcount", question_type = "number", order = 3,
            @operator = "equals", review_answer_value = 0,
        });
        var textEmpty = await questionnaire.AddQuestionAsync(new
        {
            description = "Hosting provider", question_type = "text_input", order = 4,
            @operator = "contains", review_answer_value = "",
        });
        var plain = await questionnaire.AddQuestionAsync(new { description = "Contact email", question_type = "email", order = 5 });
        return new Setup(await questionnaire.StartAsync(), always, booleanFalse, numberZero, textEmpty, plain);
    }

    private static async Task<JsonNode> ReviewStatusAsync(Respondent respondent, ApiClient caller) =>
        (await caller.GetAsync(respondent.Path("completion_review_status"))).Expect(HttpStatusCode.OK).Json!;

    private static async Task<JsonNode> ChecklistReviewAsync(Respondent respondent, ApiClient caller) =>
        (await caller.GetAsync(respondent.Path("checklist_review"))).Expect(HttpStatusCode.OK).Json!;

    private static IReadOnlyList<string> TriggerQuestions(JsonNode review) =>
        review["review_trigger_summary"]!.AsArray().Select(t => t!["question"]!.GetValue<string>()).ToList();

    [Theory]
    [InlineData("BooleanFalse", "false", true)]
    [InlineData("BooleanFalse", "true", false)]
    [InlineData("NumberZero", "0", true)]
    [InlineData("NumberZero", "3", false)]
    [InlineData("TextEmpty", "\"Hetzner\"", true)] // every text contains ""
    [InlineData("AlwaysReviewed", "\"none\"", true)]
    [InlineData("Plain", "\"security@example.com\"", false)]
    public async Task An_answer_requires_review_when_its_trigger_matches_falsy_trigger_values_included(
        string which, string answerJson, bool requiresReview)
    {
        var setup = await CreateAsync();
        var question = (string)typeof(Setup).GetProperty(which)!.GetValue(setup)!;
        var admin = _world.Admin;

        await setup.Respondent.AnswerAsync((question, JsonNode.Parse(answerJson)));

        Assert.Equal(requiresReview, (await ReviewStatusAsync(setup.Respondent, admin))["requires_review"]!.GetValue<bool>());
        var reviewed = Respondent.Question(await ChecklistReviewAsync(setup.Respondent, admin), question);
        Assert.Equal(requiresReview, reviewed["existing_answer"]!["requires_review"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Without_answers_nothing_requires_review()
    {
        var setup = await CreateAsync();

        var review = await ReviewStatusAsync(setup.Respondent, _world.Admin);

        Assert.False(review["requires_review"]!.GetValue<bool>());
        Assert.Empty(review["review_trigger_summary"]!.AsArray());
    }

    [Fact]
    public async Task The_trigger_summary_has_one_entry_per_triggering_question()
    {
        var setup = await CreateAsync();
        await setup.Respondent.AnswerAsync(
            (setup.AlwaysReviewed, "none"), (setup.BooleanFalse, false), (setup.NumberZero, 4), (setup.TextEmpty, ""),
            (setup.Plain, "security@example.com"));

        var review = await ReviewStatusAsync(setup.Respondent, setup.Respondent.Provider.Manager.Client);

        Assert.True(review["requires_review"]!.GetValue<bool>());
        Assert.Equal(
            ["Describe any security incidents", "Is MFA enforced for all accounts?", "Hosting provider"],
            TriggerQuestions(review));
        var mfa = review["review_trigger_summary"]!.AsArray().Single(t => t!["question"]!.GetValue<string>() == "Is MFA enforced for all accounts?")!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"question": "Is MFA enforced for all accounts?", "answer": false, "trigger_value": false, "operator": "equals"}
            """), mfa), mfa.ToJsonString());
        var hosting = review["review_trigger_summary"]![2]!;
        Assert.Equal("", hosting["answer"]!.GetValue<string>());
        Assert.Equal("", hosting["trigger_value"]!.GetValue<string>());
        Assert.Equal("contains", hosting["operator"]!.GetValue<string>());
    }

    [Fact]
    public async Task Checklist_review_adds_the_review_settings_to_every_question()
    {
        var setup = await CreateAsync();
        await setup.Respondent.AnswerAsync((setup.BooleanFalse, false), (setup.Plain, "security@example.com"));

        var body = await ChecklistReviewAsync(setup.Respondent, _world.Admin);

        var mfa = Respondent.Question(body, setup.BooleanFalse);
        Assert.Equal("equals", mfa["operator"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonValue.Create(false), mfa["review_answer_value"]));
        Assert.False(mfa["always_requires_review"]!.GetValue<bool>());
        Assert.True(mfa["existing_answer"]!["requires_review"]!.GetValue<bool>());
        var headcount = Respondent.Question(body, setup.NumberZero);
        Assert.True(JsonNode.DeepEquals(JsonValue.Create(0), headcount["review_answer_value"]));
        Assert.Null(headcount["existing_answer"]);
        var always = Respondent.Question(body, setup.AlwaysReviewed);
        Assert.True(always["always_requires_review"]!.GetValue<bool>());
        Assert.Equal("", always["operator"]!.GetValue<string>());
        Assert.Null(always["review_answer_value"]);
        Assert.True(always.ContainsKey("review_answer_value"));
        Assert.Equal("", Respondent.Question(body, setup.TextEmpty)["review_answer_value"]!.GetValue<string>());
        Assert.False(Respondent.Question(body, setup.Plain)["existing_answer"]!["requires_review"]!.GetValue<bool>());

        var completion = body["completion"]!;
        Assert.True(completion["requires_review"]!.GetValue<bool>());
        Assert.Equal(["Is MFA enforced for all accounts?"], TriggerQuestions(completion));
        Assert.Null(completion["reviewed_by"]);
        Assert.True(completion.AsObject().ContainsKey("reviewed_at"));
    }

    [Fact]
    public async Task A_manager_records_a_review_with_who_when_and_notes()
    {
        var setup = await CreateAsync();
        var manager = setup.Respondent.Provider.Manager;
        await setup.Respondent.AnswerAsync((setup.BooleanFalse, false));
        var before = DateTime.UtcNow.AddMinutes(-1);

        var reviewed = (await manager.Client.PostAsync(setup.Respondent.Path("review"), new { review_notes = "MFA rollout planned for Q3" }))
            .Expect(HttpStatusCode.OK).Json!;

        Assert.Equal(manager.Id, reviewed["reviewed_by"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(reviewed["reviewed_by_name"]?.GetValue<string>()));
        Assert.Equal("MFA rollout planned for Q3", reviewed["review_notes"]!.GetValue<string>());
        var at = reviewed["reviewed_at"]!.GetValue<string>();
        Assert.EndsWith("Z", at);
        Assert.InRange(DateTime.Parse(at, null, System.Globalization.DateTimeStyles.AdjustToUniversal), before, DateTime.UtcNow.AddMinutes(1));

        var status = await ReviewStatusAsync(setup.Respondent, _world.Admin);
        Assert.Equal(manager.Id, status["reviewed_by"]!.GetValue<string>());
        Assert.Equal(at, status["reviewed_at"]!.GetValue<string>());
        Assert.Equal("MFA rollout planned for Q3", status["review_notes"]!.GetValue<string>());
        Assert.True(status["requires_review"]!.GetValue<bool>()); // reviewing does not change the answers
    }

    [Fact]
    public async Task A_submission_that_changes_an_answer_clears_the_review()
    {
        var setup = await CreateAsync();
        await setup.Respondent.AnswerAsync((setup.BooleanFalse, false));
        (await _world.Admin.PostAsync(setup.Respondent.Path("review"), new { review_notes = "Checked" })).Expect(HttpStatusCode.OK);

        await setup.Respondent.AnswerAsync((setup.BooleanFalse, true));

        var status = await ReviewStatusAsync(setup.Respondent, _world.Admin);
        Assert.Null(status["reviewed_by"]);
        Assert.Null(status["reviewed_at"]);
        Assert.Equal("", status["review_notes"]!.GetValue<string>());
        Assert.False(status["requires_review"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Removing_an_answer_clears_the_review()
    {
        var setup = await CreateAsync();
        await setup.Respondent.AnswerAsync((setup.Plain, "security@example.com"));
        (await _world.Admin.PostAsync(setup.Respondent.Path("review"), new { review_notes = "Checked" })).Expect(HttpStatusCode.OK);

        await setup.Respondent.AnswerAsync((setup.Plain, null));

        Assert.Null((await ReviewStatusAsync(setup.Respondent, _world.Admin))["reviewed_by"]);
    }

    [Fact]
    public async Task An_unchanged_resubmission_keeps_the_review()
    {
        var setup = await CreateAsync();
        await setup.Respondent.AnswerAsync((setup.BooleanFalse, false), (setup.Plain, "security@example.com"));
        var manager = setup.Respondent.Provider.Manager;
        (await manager.Client.PostAsync(setup.Respondent.Path("review"), new { review_notes = "Checked" })).Expect(HttpStatusCode.OK);

        await setup.Respondent.AnswerAsync((setup.BooleanFalse, false), (setup.Plain, "security@example.com"));
        await setup.Respondent.AnswerAsync();

        var status = await ReviewStatusAsync(setup.Respondent, _world.Admin);
        Assert.Equal(manager.Id, status["reviewed_by"]!.GetValue<string>());
        Assert.Equal("Checked", status["review_notes"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_offering_user_cannot_use_the_reviewer_endpoints()
    {
        var setup = await CreateAsync();
        var user = setup.Respondent.User.Client;
        const string forbidden = "{\"detail\": \"You do not have permission to perform this action.\"}";

        (await user.GetAsync(setup.Respondent.Path("checklist_review"))).ExpectBody(HttpStatusCode.Forbidden, forbidden);
        (await user.GetAsync(setup.Respondent.Path("completion_review_status"))).ExpectBody(HttpStatusCode.Forbidden, forbidden);
        (await user.PostAsync(setup.Respondent.Path("review"), new { review_notes = "I approve of myself" }))
            .ExpectBody(HttpStatusCode.Forbidden, forbidden);

        Assert.Null((await ReviewStatusAsync(setup.Respondent, _world.Admin))["reviewed_by"]);
    }

    [Fact]
    public async Task A_customer_support_role_and_a_stranger_cannot_review()
    {
        var setup = await CreateAsync();
        var stranger = await _world.CreateUserAsync();

        (await setup.Respondent.Provider.SupportRole.Client.PostAsync(setup.Respondent.Path("review"), new { review_notes = "x" }))
            .Expect(HttpStatusCode.Forbidden);
        (await stranger.Client.PostAsync(setup.Respondent.Path("review"), new { review_notes = "x" }))
            .ExpectDetail(HttpStatusCode.NotFound, "Not found.");
        (await stranger.Client.GetAsync(setup.Respondent.Path("completion_review_status"))).Expect(HttpStatusCode.NotFound);

        Assert.Null((await ReviewStatusAsync(setup.Respondent, _world.Admin))["reviewed_by"]);
    }

    [Fact]
    public async Task The_users_own_views_never_show_review_fields()
    {
        var setup = await CreateAsync();
        await setup.Respondent.AnswerAsync((setup.BooleanFalse, false), (setup.AlwaysReviewed, "A phishing attempt"));
        (await _world.Admin.PostAsync(setup.Respondent.Path("review"), new { review_notes = "Seen" })).Expect(HttpStatusCode.OK);
        string[] reviewFields =
        [
            "requires_review", "reviewed_by", "reviewed_by_name", "reviewed_at", "review_notes", "review_trigger_summary",
        ];

        foreach (var caller in new[] { setup.Respondent.User.Client, _world.Admin })
        {
            var checklist = await setup.Respondent.ChecklistAsync(caller, includeAll: true);
            var status = await setup.Respondent.StatusAsync(caller);

            foreach (var field in reviewFields)
            {
                Assert.False(checklist["completion"]!.AsObject().ContainsKey(field), field);
                Assert.False(status.AsObject().ContainsKey(field), field);
            }
            foreach (var question in checklist["questions"]!.AsArray())
            {
                Assert.False(question!.AsObject().ContainsKey("operator"));
                Assert.False(question.AsObject().ContainsKey("review_answer_value"));
                Assert.False(question.AsObject().ContainsKey("always_requires_review"));
                // The answer's own flag is part of Waldur's Answer, which its clients require in every view (API.md §9).
                if (question["existing_answer"] is JsonObject answer) Assert.True(answer.ContainsKey("requires_review"));
            }
        }
    }
}

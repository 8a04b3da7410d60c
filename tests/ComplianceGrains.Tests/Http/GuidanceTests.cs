using System.Net;
using System.Text.Json.Nodes;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>
/// User guidance in <c>checklist/</c> (API.md §2 question fields): shown always when <c>always_show_guidance</c> is
/// true, otherwise only while the offering user's answer matches <c>guidance_operator</c>/<c>guidance_answer_value</c>.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GuidanceTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    private static async Task<string?> GuidanceAsync(Respondent respondent, string question, ApiClient? caller = null) =>
        Respondent.Question(await respondent.ChecklistAsync(caller), question)["user_guidance"]?.GetValue<string>();

    private async Task<(Respondent Respondent, string Question)> OneQuestionAsync(object fields)
    {
        var questionnaire = await Questionnaire.CreateAsync(_world);
        var question = await questionnaire.AddQuestionAsync(fields);
        return (await questionnaire.StartAsync(), question);
    }

    [Fact]
    public async Task Guidance_is_shown_always_by_default_answered_or_not()
    {
        var (respondent, question) = await OneQuestionAsync(new
        {
            description = "Is MFA enforced?", question_type = "boolean", user_guidance = "See the MFA policy on the intranet.",
        });

        Assert.Equal("See the MFA policy on the intranet.", await GuidanceAsync(respondent, question));
        await respondent.AnswerAsync((question, true));
        Assert.Equal("See the MFA policy on the intranet.", await GuidanceAsync(respondent, question));
        await respondent.AnswerAsync((question, false));
        Assert.Equal("See the MFA policy on the intranet.", await GuidanceAsync(respondent, question));
    }

    [Fact]
    public async Task Conditional_guidance_appears_only_while_the_answer_matches()
    {
        var (respondent, question) = await OneQuestionAsync(new
        {
            description = "Is MFA enforced?", question_type = "boolean",
            user_guidance = "Enable MFA within 30 days.", always_show_guidance = false,
            guidance_operator = "equals", guidance_answer_value = false,
        });

        Assert.Null(await GuidanceAsync(respondent, question));
        await respondent.AnswerAsync((question, true));
        Assert.Null(await GuidanceAsync(respondent, question));
        await respondent.AnswerAsync((question, false));
        Assert.Equal("Enable MFA within 30 days.", await GuidanceAsync(respondent, question));
        await respondent.AnswerAsync((question, null));
        Assert.Null(await GuidanceAsync(respondent, question));
    }

    [Fact]
    public async Task Conditional_guidance_follows_the_offering_users_answer_whoever_reads_the_checklist()
    {
        var (respondent, question) = await OneQuestionAsync(new
        {
            description = "Which hosting provider do you use?", question_type = "text_input",
            user_guidance = "Attach the provider's data processing agreement.", always_show_guidance = false,
            guidance_operator = "contains", guidance_answer_value = new[] { "AWS", "Azure" },
        });

        await respondent.AnswerAsync((question, "We run on Azure in West Europe"));

        Assert.Equal("Attach the provider's data processing agreement.", await GuidanceAsync(respondent, question));
        Assert.Equal("Attach the provider's data processing agreement.", await GuidanceAsync(respondent, question, respondent.Provider.Manager.Client));

        await respondent.AnswerAsync((question, "Our own data centre"));

        Assert.Null(await GuidanceAsync(respondent, question));
        Assert.Null(await GuidanceAsync(respondent, question, _world.Admin));
    }

    [Fact]
    public async Task Conditional_guidance_with_in_on_a_select_question()
    {
        var questionnaire = await Questionnaire.CreateAsync(_world);
        var question = await questionnaire.AddQuestionAsync(new { description = "Where is the data stored?", question_type = "single_select" });
        var cloud = await questionnaire.AddOptionAsync(question, "Public cloud", 1);
        var onPremises = await questionnaire.AddOptionAsync(question, "On premises", 2);
        (await _world.Admin.PatchAsync($"/api/checklists-admin-questions/{question}/", new
        {
            user_guidance = "List the cloud regions.", always_show_guidance = false,
            guidance_operator = "in", guidance_answer_value = new[] { cloud },
        })).Expect(HttpStatusCode.OK);
        var respondent = await questionnaire.StartAsync();

        await respondent.AnswerAsync((question, new[] { onPremises }));
        Assert.Null(await GuidanceAsync(respondent, question));

        await respondent.AnswerAsync((question, new[] { cloud }));
        Assert.Equal("List the cloud regions.", await GuidanceAsync(respondent, question));
    }

    [Fact]
    public async Task Each_offering_user_sees_guidance_for_their_own_answer()
    {
        var questionnaire = await Questionnaire.CreateAsync(_world);
        var question = await questionnaire.AddQuestionAsync(new
        {
            description = "Security staff headcount", question_type = "number",
            user_guidance = "Name an external security contact.", always_show_guidance = false,
            guidance_operator = "equals", guidance_answer_value = 0,
        });
        var noStaff = await questionnaire.StartAsync();
        var someStaff = await questionnaire.StartAsync();

        await noStaff.AnswerAsync((question, 0));
        await someStaff.AnswerAsync((question, 2));

        Assert.Equal("Name an external security contact.", await GuidanceAsync(noStaff, question));
        Assert.Null(await GuidanceAsync(someStaff, question));
    }

    [Fact]
    public async Task Guidance_appears_in_the_reviewers_view_as_in_the_users()
    {
        var (respondent, question) = await OneQuestionAsync(new
        {
            description = "Is MFA enforced?", question_type = "boolean",
            user_guidance = "Enable MFA within 30 days.", always_show_guidance = false,
            guidance_operator = "equals", guidance_answer_value = false,
        });
        await respondent.AnswerAsync((question, false));

        var review = (await _world.Admin.GetAsync(respondent.Path("checklist_review"))).Expect(HttpStatusCode.OK).Json!;

        Assert.Equal("Enable MFA within 30 days.", Respondent.Question(review, question)["user_guidance"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonValue.Create(false), Respondent.Question(review, question)["existing_answer"]!["answer_data"]));
    }
}

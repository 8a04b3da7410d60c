using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>API.md §4: checklist/, completion_status/ and history/ as the user and their provider see them.</summary>
[Collection(ApiCollection.Name)]
public sealed class OfferingUserChecklistTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    [Fact]
    public async Task One_of_two_required_questions_answered_is_pending_and_lists_the_other()
    {
        var w = await _world.CreateOfferingUserWorldAsync(
            new { description = "Security training", question_type = "boolean", required = true, order = 1 },
            new { description = "Emergency contact", question_type = "text_input", required = true, order = 2 });
        (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], true))).Expect(HttpStatusCode.OK);

        var status = (await w.User.Client.GetAsync(w.Path("completion_status"))).Expect(HttpStatusCode.OK);

        Assert.False(status.Json!["is_completed"]!.GetValue<bool>());
        Assert.Equal(50.0, status.Json["completion_percentage"]!.GetValue<double>());
        JsonAssert.Equal(
            new[] { new { uuid = w.Questions[1], description = "Emergency contact", question_type = "text_input" } },
            new ApiResponse(status.Status, status.Json["unanswered_required_questions"]!.ToJsonString(), status.Message));
    }

    [Fact]
    public async Task Unanswered_questions_are_listed_with_their_description_as_last_edited()
    {
        var w = await _world.CreateOfferingUserWorldAsync(
            new { description = "Security training", question_type = "boolean", required = true, order = 1 },
            new { description = "Emergency contact", question_type = "text_input", required = true, order = 2 });
        (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], true))).Expect(HttpStatusCode.OK);
        (await w.User.Client.GetAsync(w.Path("completion_status"))).Expect(HttpStatusCode.OK);

        (await _world.Admin.PatchAsync($"/api/checklists-admin-questions/{w.Questions[1]}/", new { description = "Emergency phone number" }))
            .Expect(HttpStatusCode.OK);

        var expected = new[] { new { uuid = w.Questions[1], description = "Emergency phone number", question_type = "text_input" } };
        var status = (await w.User.Client.GetAsync(w.Path("completion_status"))).Expect(HttpStatusCode.OK);
        JsonAssert.Equal(expected, new ApiResponse(status.Status, status.Json!["unanswered_required_questions"]!.ToJsonString(), status.Message));
        var checklist = (await w.User.Client.GetAsync(w.Path("checklist"))).Expect(HttpStatusCode.OK);
        JsonAssert.Equal(expected, new ApiResponse(
            checklist.Status, checklist.Json!["completion"]!["unanswered_required_questions"]!.ToJsonString(), checklist.Message));
        var submitted = (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], false))).Expect(HttpStatusCode.OK);
        JsonAssert.Equal(expected, new ApiResponse(
            submitted.Status, submitted.Json!["completion"]!["unanswered_required_questions"]!.ToJsonString(), submitted.Message));
    }

    [Fact]
    public async Task One_of_three_questions_answered_is_33_point_3_percent()
    {
        var w = await _world.CreateOfferingUserWorldAsync(
            new { description = "A", question_type = "boolean" },
            new { description = "B", question_type = "boolean" },
            new { description = "C", question_type = "boolean" });
        var submitted = (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[2], false))).Expect(HttpStatusCode.OK);
        Assert.Equal(33.3, submitted.Json!["completion"]!["completion_percentage"]!.GetValue<double>());
        var status = (await w.User.Client.GetAsync(w.Path("completion_status"))).Expect(HttpStatusCode.OK);
        Assert.Equal(33.3, status.Json!["completion_percentage"]!.GetValue<double>());
        Assert.True(status.Json["is_completed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Checklist_lists_every_question_in_order_with_options_and_the_existing_answer()
    {
        var w = await _world.CreateOfferingUserWorldAsync(
            new { description = "Second", question_type = "single_select", order = 2 },
            new { description = "First", question_type = "boolean", order = 1 },
            new { description = "Third", question_type = "text_input", order = 2 });
        var option = await _world.CreateOptionAsync(w.Questions[0], "Only");
        (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[1], true))).Expect(HttpStatusCode.OK);

        foreach (var path in new[] { w.Path("checklist"), w.Path("checklist") + "?include_all=true" })
        {
            var checklist = (await w.User.Client.GetAsync(path)).Expect(HttpStatusCode.OK).Json!;
            Assert.Equal(w.Checklist, checklist["checklist"]!["uuid"]!.ToString());
            var questions = checklist["questions"]!.AsArray();
            Assert.Equal([w.Questions[1], w.Questions[0], w.Questions[2]], questions.Select(q => q!["uuid"]!.ToString()));
            var answer = questions[0]!["existing_answer"]!;
            Assert.True(answer["answer_data"]!.GetValue<bool>());
            Assert.Equal(w.User.Id, answer["user"]!.ToString());
            Assert.Equal(option, questions[1]!["question_options"]![0]!["uuid"]!.ToString());
            Assert.Null(questions[1]!["existing_answer"]);
            Assert.Empty(questions[2]!["question_options"]!.AsArray());
        }
    }

    [Fact]
    public async Task History_is_newest_first_with_removals_and_shows_a_manager_answering_for_the_user()
    {
        var w = await _world.CreateOfferingUserWorldAsync(new { description = "Name", question_type = "text_input" });
        var manager = w.Provider.Manager;
        (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], "by user"))).Expect(HttpStatusCode.OK);
        (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], null))).Expect(HttpStatusCode.OK);
        (await ApiWorld.SubmitAsync(manager.Client, w.OfferingUser, (w.Questions[0], "by manager"))).Expect(HttpStatusCode.OK);

        var history = (await w.User.Client.GetAsync(w.Path("history"))).Expect(HttpStatusCode.OK);

        Assert.Equal("3", history.Header("X-Result-Count"));
        var entries = history.Array.Select(e => (e!["answer_data"]?.ToString(), e["user"]!.ToString(), e["question_uuid"]!.ToString())).ToList();
        Assert.Equal(
            [("by manager", manager.Id, w.Questions[0]), (null, w.User.Id, w.Questions[0]), ("by user", w.User.Id, w.Questions[0])],
            entries);
        Assert.Equal($"Full {manager.Username}", history.Array[0]!["user_name"]!.ToString());
        var current = (await w.User.Client.GetAsync(w.Path("checklist"))).Json!["questions"]![0]!["existing_answer"]!;
        Assert.Equal(("by manager", manager.Id), (current["answer_data"]!.ToString(), current["user"]!.ToString()));
    }
}

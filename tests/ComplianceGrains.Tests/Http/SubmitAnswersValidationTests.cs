using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>API.md §4 submit_answers/: per-type validation, aligned errors, all-or-nothing, body shape.</summary>
[Collection(ApiCollection.Name)]
public sealed class SubmitAnswersValidationTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    private static string Error(object value, string question, string type) =>
        $"Answer value '{value}' is not valid for the question '{question}' (type: {type}).";

    [Fact]
    public async Task A_string_for_a_boolean_question_is_400_with_the_reference_message()
    {
        var description = ApiWorld.Unique("Accept terms");
        var w = await _world.CreateOfferingUserWorldAsync(new { description, question_type = "boolean" });
        var response = (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], "invalid text")))
            .Expect(HttpStatusCode.BadRequest);
        JsonAssert.Equal(new[] { new { non_field_errors = new[] { Error("invalid text", description, "boolean") } } }, response);
    }

    [Fact]
    public async Task A_long_question_description_is_cut_in_the_message()
    {
        var description = "Q" + new string('x', 60);
        var w = await _world.CreateOfferingUserWorldAsync(new { description, question_type = "boolean" });
        var response = (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], 150.5)))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(Error("150.5", description[..50] + "...", "boolean"), response.Array[0]!["non_field_errors"]![0]!.ToString());
    }

    [Fact]
    public async Task A_number_above_the_maximum_is_400()
    {
        var w = await _world.CreateOfferingUserWorldAsync(new { description = "Servers", question_type = "number", max_value = 100 });
        var response = (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], 150))).Expect(HttpStatusCode.BadRequest);
        JsonAssert.Equal(new[] { new { non_field_errors = new[] { Error(150, "Servers", "number") } } }, response);
    }

    [Theory]
    [InlineData("10", true)]
    [InlineData("50", true)]
    [InlineData("9.99", false)]
    [InlineData("51", false)]
    public async Task Number_bounds_are_inclusive(string value, bool valid)
    {
        var w = await _world.CreateOfferingUserWorldAsync(new { description = "Range", question_type = "number", min_value = 10, max_value = 50 });
        var response = await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], decimal.Parse(value)));
        Assert.Equal(valid ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task Numeric_strings_are_numbers_but_malformed_ones_are_not()
    {
        var w = await _world.CreateOfferingUserWorldAsync(new { description = "Count", question_type = "number" });
        (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], "42"))).Expect(HttpStatusCode.OK);
        var response = (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], "12.5.3"))).Expect(HttpStatusCode.BadRequest);
        JsonAssert.Equal(new[] { new { non_field_errors = new[] { Error("12.5.3", "Count", "number") } } }, response);
    }

    [Fact]
    public async Task Single_select_rejects_two_options_and_an_option_of_another_question()
    {
        var w = await _world.CreateOfferingUserWorldAsync(
            new { description = "Region", question_type = "single_select" }, new { description = "Other", question_type = "single_select" });
        var first = await _world.CreateOptionAsync(w.Questions[0], "EU");
        var second = await _world.CreateOptionAsync(w.Questions[0], "US", 1);
        var foreign = await _world.CreateOptionAsync(w.Questions[1], "Elsewhere");

        var two = (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], new[] { first, second })))
            .Expect(HttpStatusCode.BadRequest);
        JsonAssert.Equal(new[] { new { non_field_errors = new[] { Error($"['{first}', '{second}']", "Region", "single_select") } } }, two);
        (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], new[] { foreign }))).Expect(HttpStatusCode.BadRequest);
        (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], new[] { first }))).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Multi_select_accepts_an_empty_list()
    {
        var w = await _world.CreateOfferingUserWorldAsync(new { description = "Tools", question_type = "multi_select", required = true });
        await _world.CreateOptionAsync(w.Questions[0], "Git");
        var response = (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], Array.Empty<string>())))
            .Expect(HttpStatusCode.OK);
        Assert.True(response.Json!["completion"]!["is_completed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_invalid_middle_item_gives_aligned_errors_and_stores_nothing()
    {
        var w = await _world.CreateOfferingUserWorldAsync(
            new { description = "Name", question_type = "text_input" },
            new { description = "Accept terms", question_type = "boolean" },
            new { description = "Age", question_type = "number" });
        var statusBefore = (await w.User.Client.GetAsync(w.Path("completion_status"))).Expect(HttpStatusCode.OK).Body;

        var response = (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser,
            (w.Questions[0], "Jane"), (w.Questions[1], "invalid text"), (w.Questions[2], 30))).Expect(HttpStatusCode.BadRequest);

        JsonAssert.Equal(new object[] { new { }, new { non_field_errors = new[] { Error("invalid text", "Accept terms", "boolean") } }, new { } }, response);
        Assert.Equal(statusBefore, (await w.User.Client.GetAsync(w.Path("completion_status"))).Body);
        var history = (await w.User.Client.GetAsync(w.Path("history"))).Expect(HttpStatusCode.OK);
        Assert.Equal("0", history.Header("X-Result-Count"));
        Assert.Empty(history.Array);
    }

    [Fact]
    public async Task A_body_that_is_not_a_list_is_400()
    {
        var w = await _world.CreateOfferingUserWorldAsync(new { description = "Q", question_type = "boolean" });
        var response = (await w.User.Client.PostAsync(w.Path("submit_answers"), new { question_uuid = w.Questions[0], answer_data = true }))
            .Expect(HttpStatusCode.BadRequest);
        JsonAssert.Equal(new { non_field_errors = new[] { "Expected a list of items but got type \"dict\"." } }, response);
    }

    [Fact]
    public async Task An_empty_list_is_accepted_and_changes_nothing()
    {
        var w = await _world.CreateOfferingUserWorldAsync(new { description = "Q", question_type = "boolean", required = true });
        var before = (await w.User.Client.GetAsync(w.Path("completion_status"))).Body;
        var response = (await w.User.Client.PostAsync(w.Path("submit_answers"), Array.Empty<object>())).Expect(HttpStatusCode.OK);
        Assert.Equal("Answers submitted successfully", response["detail"]);
        Assert.Equal(before, (await w.User.Client.GetAsync(w.Path("completion_status"))).Body);
        Assert.Equal("0", (await w.User.Client.GetAsync(w.Path("history"))).Header("X-Result-Count"));
    }

    [Fact]
    public async Task The_same_question_twice_keeps_the_later_answer()
    {
        var w = await _world.CreateOfferingUserWorldAsync(new { description = "Name", question_type = "text_input" });
        (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], "first"), (w.Questions[0], "second")))
            .Expect(HttpStatusCode.OK);
        var checklist = (await w.User.Client.GetAsync(w.Path("checklist"))).Expect(HttpStatusCode.OK);
        Assert.Equal("second", checklist.Json!["questions"]![0]!["existing_answer"]!["answer_data"]!.ToString());
    }

    [Fact]
    public async Task Null_answer_data_removes_the_answer()
    {
        var w = await _world.CreateOfferingUserWorldAsync(new { description = "Q", question_type = "boolean", required = true });
        var answered = (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], true))).Expect(HttpStatusCode.OK);
        Assert.Equal(100.0, answered.Json!["completion"]!["completion_percentage"]!.GetValue<double>());

        var removed = (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (w.Questions[0], null))).Expect(HttpStatusCode.OK);

        Assert.Equal(0.0, removed.Json!["completion"]!["completion_percentage"]!.GetValue<double>());
        var checklist = (await w.User.Client.GetAsync(w.Path("checklist"))).Expect(HttpStatusCode.OK);
        Assert.Null(checklist.Json!["questions"]![0]!["existing_answer"]);
    }

    [Fact]
    public async Task Malformed_items_get_the_documented_field_errors_in_place()
    {
        var w = await _world.CreateOfferingUserWorldAsync(new { description = "Q", question_type = "boolean" });
        var unknown = Guid.NewGuid().ToString("N");
        var response = (await w.User.Client.PostAsync(w.Path("submit_answers"), new object[]
        {
            new { answer_data = true },
            new { question_uuid = "not-a-uuid", answer_data = true },
            new { question_uuid = w.Questions[0] },
            new { question_uuid = unknown, answer_data = true },
            new { question_uuid = w.Questions[0], answer_data = true },
        })).Expect(HttpStatusCode.BadRequest);
        JsonAssert.Equal(new object[]
        {
            new { question_uuid = new[] { "This field is required." } },
            new { question_uuid = new[] { "Must be a valid UUID." } },
            new { answer_data = new[] { "This field is required." } },
            new { non_field_errors = new[] { $"Question with UUID {unknown} does not exist" } },
            new { },
        }, response);
    }

    [Fact]
    public async Task A_question_of_another_checklist_is_named_as_such()
    {
        var w = await _world.CreateOfferingUserWorldAsync(new { description = "Q", question_type = "boolean" });
        var (_, others) = await _world.CreateChecklistWithQuestionsAsync(new { description = "Elsewhere", question_type = "boolean" });
        var response = (await ApiWorld.SubmitAsync(w.User.Client, w.OfferingUser, (others[0], true))).Expect(HttpStatusCode.BadRequest);
        JsonAssert.Equal(new[] { new { non_field_errors = new[] { $"Question {others[0]} does not belong to this checklist" } } }, response);
    }
}

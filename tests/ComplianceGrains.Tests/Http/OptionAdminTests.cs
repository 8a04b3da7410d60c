using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>Options of select questions in the checklist administration (API.md §2).</summary>
[Collection(ApiCollection.Name)]
public sealed class OptionAdminTests(ApiFactory factory)
{
    private const string Options = "/api/checklists-admin-question-options/";

    private readonly ApiWorld _world = new(factory);

    private async Task<string> SelectQuestionAsync() =>
        await _world.CreateQuestionAsync(await _world.CreateChecklistAsync(), new { description = "Pick one", question_type = "single_select" });

    private async Task<ApiResponse> QuestionAsync(string question) =>
        (await _world.Admin.GetAsync($"/api/checklists-admin-questions/{question}/")).Expect(HttpStatusCode.OK);

    [Fact]
    public async Task An_option_has_the_documented_fields_and_shows_in_its_question()
    {
        var question = await SelectQuestionAsync();

        var option = (await _world.Admin.PostAsync(Options, new { question, label = "Red", order = 2 })).Expect(HttpStatusCode.Created);

        Assert.Equal($"http://localhost{Options}{option["uuid"]}/", option["url"]);
        Assert.Equal("Red", option["label"]);
        Assert.Equal(2, option.Json!["order"]!.GetValue<int>());
        Assert.Equal($"http://localhost/api/checklists-admin-questions/{question}/", option["question"]);
        Assert.Equal(question, option["question_uuid"]);
        Assert.Equal(new[] { option["uuid"] }, (await QuestionAsync(question)).Json!["question_options"]!.AsArray().Select(o => o!["uuid"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_question_may_be_given_as_its_url()
    {
        var question = await SelectQuestionAsync();
        var url = (await QuestionAsync(question))["url"];

        var option = (await _world.Admin.PostAsync(Options, new { question = url, label = "By URL" })).Expect(HttpStatusCode.Created);

        Assert.Equal(question, option["question_uuid"]);
    }

    [Fact]
    public async Task A_question_lists_its_options_by_order()
    {
        var question = await SelectQuestionAsync();
        var last = await _world.CreateOptionAsync(question, "Last", order: 3);
        var first = await _world.CreateOptionAsync(question, "First", order: 1);

        var options = (await QuestionAsync(question)).Json!["question_options"]!.AsArray().Select(o => o!["uuid"]!.GetValue<string>());

        Assert.Equal(new[] { first, last }, options);
    }

    [Fact]
    public async Task Invalid_options_are_400()
    {
        var question = await SelectQuestionAsync();
        var missing = Guid.NewGuid().ToString("N");

        (await _world.Admin.PostAsync(Options, new { question = missing, label = "Orphan" }))
            .ExpectFieldError("question", $"Object with uuid={missing} does not exist.");
        (await _world.Admin.PostAsync(Options, new { question })).ExpectFieldError("label", "This field is required.");
        (await _world.Admin.PostAsync(Options, new { question, label = "" })).ExpectFieldError("label");
        (await _world.Admin.PostAsync(Options, new { question, label = "Negative", order = -1 })).ExpectFieldError("order");
        Assert.Empty((await QuestionAsync(question)).Json!["question_options"]!.AsArray());
    }

    [Fact]
    public async Task The_list_filters_by_question_uuid()
    {
        var question = await SelectQuestionAsync();
        var other = await SelectQuestionAsync();
        var mine = await _world.CreateOptionAsync(question, "Mine");
        await _world.CreateOptionAsync(other, "Other");

        Assert.Equal(new[] { mine }, await _world.Admin.ListAllUuidsAsync($"{Options}?question_uuid={question}"));
        (await _world.Admin.GetAsync($"{Options}?question_uuid=zzz")).ExpectFieldError("question_uuid", "Must be a valid UUID.");
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields_and_put_needs_question_and_label()
    {
        var question = await SelectQuestionAsync();
        var option = await _world.CreateOptionAsync(question, "Before", order: 4);
        var path = $"{Options}{option}/";

        var patched = (await _world.Admin.PatchAsync(path, new { label = "After" })).Expect(HttpStatusCode.OK);
        Assert.Equal("After", patched["label"]);
        Assert.Equal(4, patched.Json!["order"]!.GetValue<int>());

        (await _world.Admin.PutAsync(path, new { label = "No question" })).ExpectFieldError("question", "This field is required.");
        var replaced = (await _world.Admin.PutAsync(path, new { question, label = "Replaced", order = 1 })).Expect(HttpStatusCode.OK);
        Assert.Equal("Replaced", replaced["label"]);
        Assert.Equal("Replaced", (await _world.Admin.GetAsync(path)).Expect(HttpStatusCode.OK)["label"]);
    }

    [Fact]
    public async Task An_option_cannot_move_to_another_question()
    {
        var question = await SelectQuestionAsync();
        var other = await SelectQuestionAsync();
        var option = await _world.CreateOptionAsync(question, "Stays");

        (await _world.Admin.PatchAsync($"{Options}{option}/", new { question = other })).ExpectFieldError("question");

        Assert.Equal(question, (await _world.Admin.GetAsync($"{Options}{option}/")).Expect(HttpStatusCode.OK)["question_uuid"]);
    }

    [Fact]
    public async Task Delete_is_204_and_removes_the_option_from_its_question()
    {
        var question = await SelectQuestionAsync();
        var option = await _world.CreateOptionAsync(question, "Doomed");

        (await _world.Admin.DeleteAsync($"{Options}{option}/")).Expect(HttpStatusCode.NoContent);

        (await _world.Admin.GetAsync($"{Options}{option}/")).ExpectDetail(HttpStatusCode.NotFound, "Not found.");
        Assert.Empty((await QuestionAsync(question)).Json!["question_options"]!.AsArray());
    }
}

using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>API.md §9: checklist-template/ shows what a future offering user of an offering answers.</summary>
[Collection(ApiCollection.Name)]
public sealed class ChecklistTemplateTests(ApiFactory factory)
{
    private const string Template = "/api/marketplace-offering-users/checklist-template/";

    private readonly ApiWorld _world = new(factory);

    [Fact]
    public async Task The_template_lists_every_question_and_those_visible_before_any_answer()
    {
        var (checklist, questions) = await _world.CreateChecklistWithQuestionsAsync(
            new { description = "Uses cloud?", question_type = "boolean", required = true, order = 1, user_guidance = "Any provider counts" },
            new { description = "Which regions?", question_type = "text_input", required = true, order = 2 });
        (await _world.Admin.PostAsync("/api/checklists-admin-question-dependencies/",
                new { question = questions[1], depends_on_question = questions[0], required_answer_value = true, @operator = "equals" }))
            .Expect(HttpStatusCode.Created);
        var provider = await _world.CreateProviderWorldAsync(checklist);
        var stranger = await _world.CreateUserAsync();

        var body = (await stranger.Client.GetAsync($"{Template}?parent_uuid={provider.Offering}")).Expect(HttpStatusCode.OK).Json!;

        Assert.Equal(checklist, body["checklist"]!["uuid"]!.GetValue<string>());
        Assert.Equal(questions, body["questions"]!.AsArray().Select(q => q!["uuid"]!.GetValue<string>()));
        Assert.Equal([questions[0]], body["initial_visible_questions"]!.AsArray().Select(q => q!["uuid"]!.GetValue<string>()));
        Assert.Equal("Any provider counts", body["questions"]![0]!["user_guidance"]!.GetValue<string>());
        Assert.False(body["questions"]![0]!.AsObject().ContainsKey("existing_answer"));
    }

    [Fact]
    public async Task Without_parent_uuid_or_without_a_checklist_it_is_400()
    {
        var provider = await _world.CreateProviderWorldAsync();
        (await _world.Admin.GetAsync(Template)).ExpectFieldError("parent_uuid", "This field is required.");
        (await _world.Admin.GetAsync($"{Template}?parent_uuid={provider.Offering}"))
            .ExpectDetail(HttpStatusCode.BadRequest, "No checklist configured for this object");
    }

    [Fact]
    public async Task An_offering_the_caller_cannot_see_is_404()
    {
        var checklist = await _world.CreateChecklistAsync();
        var provider = await _world.CreateProviderWorldAsync(checklist);
        (await _world.Admin.PostAsync($"/api/marketplace-provider-offerings/{provider.Offering}/archive/")).Expect(HttpStatusCode.OK);
        var stranger = await _world.CreateUserAsync();

        (await stranger.Client.GetAsync($"{Template}?parent_uuid={provider.Offering}")).ExpectDetail(HttpStatusCode.NotFound, "Not found.");
        (await stranger.Client.GetAsync($"{Template}?parent_uuid={Guid.NewGuid():N}")).ExpectDetail(HttpStatusCode.NotFound, "Not found.");
        (await provider.Owner.Client.GetAsync($"{Template}?parent_uuid={provider.Offering}")).Expect(HttpStatusCode.OK);
    }
}

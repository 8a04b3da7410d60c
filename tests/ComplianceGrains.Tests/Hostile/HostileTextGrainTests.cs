using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;
using ComplianceGrains.Errors;
using ComplianceGrains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace ComplianceGrains.Tests.Hostile;

/// <summary>
/// The grains' own guard: whatever reaches a grain (not only through the HTTP edge) is checked before anything is
/// stored, and state stored before the rule is repaired when its grain activates.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HostileTextGrainTests(TestClusterFixture fixture)
{
    private static readonly string LoneSurrogate = ((char)0xD800).ToString();

    private readonly GrainBuilder _world = new(fixture.Grains);

    private IChecklistGrain Checklist(Guid id) => _world.Grains.GetGrain<IChecklistGrain>(id);

    [Fact]
    public async Task A_question_whose_review_value_breaks_the_rule_is_refused_and_not_stored()
    {
        var staff = (await _world.StaffAsync()).Caller;
        var checklist = await _world.CreateChecklistAsync(staff);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Checklist(checklist).AddQuestionAsync(staff, Guid.NewGuid(),
            new QuestionDefinition { Description = "q", QuestionType = QuestionTypes.TextInput, Operator = "equals", ReviewAnswerValueJson = "\"\\ud800\"" }));

        Assert.Equal([TextRules.InvalidUnicode], refused.Errors["review_answer_value"]);
        Assert.Empty(await Checklist(checklist).GetQuestionsAsync(staff));
    }

    /// <summary>
    /// Orleans encodes a string argument as UTF-8, so an unpaired surrogate reaches a grain as U+FFFD; NUL arrives intact,
    /// and raw JSON values (answers, review values) carry unpaired surrogates as escapes.
    /// </summary>
    [Fact]
    public async Task Names_with_nul_are_refused_by_the_grains()
    {
        var staff = (await _world.StaffAsync()).Caller;
        var checklist = await _world.CreateChecklistAsync(staff, name: "kept");

        var renamed = await Assert.ThrowsAsync<ValidationException>(() =>
            Checklist(checklist).UpdateAsync(staff, new ChecklistFields("a\0b", "", ChecklistTypes.OfferingCompliance)));
        var customer = await Assert.ThrowsAsync<ValidationException>(() =>
            _world.Grains.GetGrain<Marketplace.ICustomerGrain>(Guid.NewGuid()).CreateAsync(staff, "x\0"));

        Assert.Equal([TextRules.NullCharacter], renamed.Errors["name"]);
        Assert.Equal([TextRules.NullCharacter], customer.Errors["name"]);
        Assert.Equal("kept", (await Checklist(checklist).GetAsync(staff)).Name);
    }

    [Fact]
    public async Task A_checklist_stored_with_text_that_breaks_the_rule_is_repaired_when_it_activates()
    {
        var staff = (await _world.StaffAsync()).Caller;
        var checklistId = Guid.NewGuid();
        var questionId = Guid.NewGuid();
        var poisoned = new ChecklistState
        {
            Exists = true,
            Name = "bad\0name",
            Questions =
            [
                new QuestionState
                {
                    Id = questionId,
                    Definition = new QuestionDefinition
                    {
                        Description = "Describe" + LoneSurrogate, QuestionType = QuestionTypes.TextInput, Operator = "equals",
                        ReviewAnswerValueJson = "\"\\ud800\"",
                    },
                },
            ],
        };
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        await storage.WriteStateAsync("checklist", Checklist(checklistId).GetGrainId(), new GrainState<ChecklistState>(poisoned));

        var questions = await Checklist(checklistId).GetQuestionsAsync(staff);

        Assert.Equal(TextRules.PlaceholderJson, questions.Single().Definition.ReviewAnswerValueJson);
        Assert.Equal("Describe\uFFFD", questions.Single().Definition.Description);
        Assert.Equal("bad\uFFFDname", (await Checklist(checklistId).GetAsync(staff)).Name);
        var stored = new GrainState<ChecklistState>();
        await storage.ReadStateAsync("checklist", Checklist(checklistId).GetGrainId(), stored);
        Assert.Equal(TextRules.PlaceholderJson, stored.State!.Questions.Single().Definition.ReviewAnswerValueJson);
    }
}

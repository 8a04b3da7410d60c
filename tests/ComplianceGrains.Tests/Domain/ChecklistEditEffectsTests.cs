using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;
using static ComplianceGrains.Tests.Domain.QuestionModel;

namespace ComplianceGrains.Tests.Domain;

public sealed class ChecklistEditEffectsTests
{
    private static readonly QuestionView Consent = Question(QuestionTypes.Boolean, description: "Consent").Required();
    private static readonly QuestionView Details = Question(QuestionTypes.TextInput, description: "Details").Required().DependingOn(Consent, "true");

    private static IReadOnlyDictionary<Guid, string> Answers(params (QuestionView Question, string Json)[] answers) =>
        answers.ToDictionary(a => a.Question.Id, a => a.Json);

    [Fact]
    public void A_required_question_added_makes_a_complete_completion_incomplete()
    {
        var proposed = ChecklistEditEffects.Apply([Consent], ChecklistEdit.PutQuestion(Guid.NewGuid(), new QuestionDefinition { Description = "New", Required = true }), DateTime.UtcNow);

        Assert.Equal(2, proposed.Count);
        Assert.True(ChecklistEditEffects.BecomesIncomplete([Consent], proposed, Answers((Consent, "false"))));
    }

    [Fact]
    public void An_optional_question_added_leaves_completions_complete()
    {
        var proposed = ChecklistEditEffects.Apply([Consent], ChecklistEdit.PutQuestion(Guid.NewGuid(), new QuestionDefinition { Description = "New" }), DateTime.UtcNow);

        Assert.False(ChecklistEditEffects.BecomesIncomplete([Consent], proposed, Answers((Consent, "false"))));
    }

    [Fact]
    public void A_completion_that_is_incomplete_already_does_not_become_incomplete()
    {
        var proposed = ChecklistEditEffects.Apply([Consent], ChecklistEdit.PutQuestion(Guid.NewGuid(), new QuestionDefinition { Description = "New", Required = true }), DateTime.UtcNow);

        Assert.False(ChecklistEditEffects.BecomesIncomplete([Consent], proposed, Answers()));
    }

    [Fact]
    public void A_question_made_required_matters_only_to_completions_that_see_it_unanswered()
    {
        var optional = Question(QuestionTypes.TextInput, description: "Optional").DependingOn(Consent, "true");
        var edit = ChecklistEdit.PutQuestion(optional.Id, optional.Definition with { Required = true });
        var proposed = ChecklistEditEffects.Apply([Consent, optional], edit, DateTime.UtcNow);

        Assert.True(ChecklistEditEffects.BecomesIncomplete([Consent, optional], proposed, Answers((Consent, "true"))));
        Assert.False(ChecklistEditEffects.BecomesIncomplete([Consent, optional], proposed, Answers((Consent, "false"))));
    }

    [Fact]
    public void Deleting_the_condition_of_a_required_question_shows_it_to_everyone()
    {
        var proposed = ChecklistEditEffects.Apply([Consent, Details], ChecklistEdit.DeleteDependency(Details.Dependencies[0].Id), DateTime.UtcNow);

        Assert.Empty(proposed.Single(q => q.Id == Details.Id).Dependencies);
        Assert.True(ChecklistEditEffects.BecomesIncomplete([Consent, Details], proposed, Answers((Consent, "false"))));
    }

    [Fact]
    public void A_new_condition_replaces_the_one_with_its_id_and_a_deleted_question_takes_its_conditions_along()
    {
        var changed = Details.Dependencies[0] with { RequiredAnswerValueJson = "false" };
        var proposed = ChecklistEditEffects.Apply([Consent, Details], ChecklistEdit.PutDependency(changed), DateTime.UtcNow);
        Assert.Equal([changed], proposed.Single(q => q.Id == Details.Id).Dependencies);
        Assert.True(ChecklistEditEffects.BecomesIncomplete([Consent, Details], proposed, Answers((Consent, "false"))));

        var withoutConsent = ChecklistEditEffects.Apply([Consent, Details], ChecklistEdit.DeleteQuestion(Consent.Id), DateTime.UtcNow);
        Assert.Equal([Details.Id], withoutConsent.Select(q => q.Id));
        Assert.Empty(withoutConsent[0].Dependencies);
    }
}

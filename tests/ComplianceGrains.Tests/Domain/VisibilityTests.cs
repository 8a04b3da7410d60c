using System.Text.Json;
using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;
using static ComplianceGrains.Tests.Domain.QuestionModel;

namespace ComplianceGrains.Tests.Domain;

/// <summary>BEHAVIOUR.md §3: which questions are visible, and the completion metrics over the visible ones.</summary>
public sealed class VisibilityTests
{
    private static QuestionView YesNo(string description) => Question(QuestionTypes.Boolean, description: description);

    private static QuestionView Text(string description) => Question(QuestionTypes.TextInput, description: description);

    private static QuestionView WithLogic(QuestionView question, string logic) =>
        question with { Definition = question.Definition with { DependencyLogicOperator = logic } };

    private static IReadOnlySet<Guid> Visible(IReadOnlyList<QuestionView> questions, params (QuestionView Question, string Json)[] answers) =>
        QuestionVisibility.VisibleQuestions(questions, answers.ToDictionary(a => a.Question.Id, a => Json(a.Json)));

    private static CompletionMetrics Metrics(IReadOnlyList<QuestionView> questions, params (QuestionView Question, string Json)[] answers) =>
        CompletionMetrics.Compute(questions, answers.ToDictionary(a => a.Question.Id, a => a.Json));

    [Fact]
    public void A_question_without_dependencies_is_always_visible()
    {
        var q = YesNo("Plain");
        Assert.Contains(q.Id, Visible([q]));
    }

    [Fact]
    public void A_dependent_question_is_hidden_until_its_condition_holds()
    {
        var processesData = YesNo("Do you process personal data?");
        var dpo = Text("Who is your data protection officer?").DependingOn(processesData, "true");
        IReadOnlyList<QuestionView> questions = [processesData, dpo];

        Assert.DoesNotContain(dpo.Id, Visible(questions));
        Assert.DoesNotContain(dpo.Id, Visible(questions, (processesData, "false")));
        Assert.Contains(dpo.Id, Visible(questions, (processesData, "true")));
    }

    [Theory]
    [InlineData("and", true, true, true)]
    [InlineData("and", true, false, false)]
    [InlineData("and", false, false, false)]
    [InlineData("or", true, false, true)]
    [InlineData("or", false, true, true)]
    [InlineData("or", false, false, false)]
    public void And_needs_every_condition_and_or_needs_one(string logic, bool firstAnswer, bool secondAnswer, bool visible)
    {
        var first = YesNo("First");
        var second = YesNo("Second");
        var follow = WithLogic(Text("Follow-up").DependingOn(first, "true").DependingOn(second, "true"), logic);
        IReadOnlyList<QuestionView> questions = [first, second, follow];

        var shown = Visible(questions, (first, firstAnswer ? "true" : "false"), (second, secondAnswer ? "true" : "false"));

        Assert.Equal(visible, shown.Contains(follow.Id));
    }

    [Fact]
    public void With_or_an_unanswered_condition_does_not_count_but_another_can_still_show_the_question()
    {
        var first = YesNo("First");
        var second = YesNo("Second");
        var follow = WithLogic(Text("Follow-up").DependingOn(first, "true").DependingOn(second, "true"), "or");

        Assert.Contains(follow.Id, Visible([first, second, follow], (second, "true")));
        Assert.DoesNotContain(follow.Id, Visible([first, second, follow]));
    }

    [Fact]
    public void A_hidden_parent_hides_its_children_even_when_their_own_condition_holds()
    {
        var a = YesNo("Uses cloud?");
        var b = YesNo("Stores data abroad?").DependingOn(a, "true");
        var c = Text("Which countries?").DependingOn(b, "true");
        IReadOnlyList<QuestionView> questions = [a, b, c];

        Assert.Equal(new HashSet<Guid> { a.Id, b.Id, c.Id }, Visible(questions, (a, "true"), (b, "true")));
        Assert.Equal(new HashSet<Guid> { a.Id }, Visible(questions, (a, "false"), (b, "true")));
    }

    [Fact]
    public void Conditions_use_every_operator_against_the_current_answer()
    {
        var country = Question(QuestionTypes.Country, description: "Country");
        var eu = Text("EU representative").DependingOn(country, "[\"EE\", \"LV\", \"LT\"]", "in");
        var outside = Text("Transfer basis").DependingOn(country, "[\"EE\", \"LV\", \"LT\"]", "not_in");
        IReadOnlyList<QuestionView> questions = [country, eu, outside];

        Assert.Equal(new HashSet<Guid> { country.Id, eu.Id }, Visible(questions, (country, "\"LV\"")));
        Assert.Equal(new HashSet<Guid> { country.Id, outside.Id }, Visible(questions, (country, "\"US\"")));
        Assert.Equal(new HashSet<Guid> { country.Id }, Visible(questions)); // not_in is not satisfied by no answer
    }

    [Fact]
    public void A_hidden_required_question_never_blocks_completion()
    {
        var processesData = YesNo("Do you process personal data?").Required();
        var dpo = Text("Who is your data protection officer?").Required().DependingOn(processesData, "true");
        IReadOnlyList<QuestionView> questions = [processesData, dpo];

        var metrics = Metrics(questions, (processesData, "false"));

        Assert.True(metrics.IsCompleted);
        Assert.Empty(metrics.UnansweredRequired);
        Assert.Equal(100.0, metrics.CompletionPercentage);
    }

    [Fact]
    public void A_required_question_that_becomes_visible_makes_the_completion_pending()
    {
        var processesData = YesNo("Do you process personal data?").Required();
        var dpo = Text("Who is your data protection officer?").Required().DependingOn(processesData, "true");
        IReadOnlyList<QuestionView> questions = [processesData, dpo];

        var pending = Metrics(questions, (processesData, "true"));
        var done = Metrics(questions, (processesData, "true"), (dpo, "\"Jane\""));

        Assert.False(pending.IsCompleted);
        Assert.Equal([dpo.Id], pending.UnansweredRequired.Select(q => q.Id));
        Assert.Equal(50.0, pending.CompletionPercentage);
        Assert.True(done.IsCompleted);
        Assert.Equal(100.0, done.CompletionPercentage);
    }

    [Fact]
    public void An_answer_to_a_hidden_question_is_not_counted()
    {
        var processesData = YesNo("Do you process personal data?");
        var dpo = Text("Who is your data protection officer?").DependingOn(processesData, "true");
        var notes = Text("Notes");
        IReadOnlyList<QuestionView> questions = [processesData, dpo, notes];

        // dpo was answered while visible; now the parent says no: 1 of the 2 visible questions is answered.
        var metrics = Metrics(questions, (processesData, "false"), (dpo, "\"Jane\""));

        Assert.Equal(50.0, metrics.CompletionPercentage);
        Assert.DoesNotContain(dpo.Id, metrics.VisibleQuestionIds);
    }

    [Fact]
    public void An_answer_to_a_hidden_question_does_not_show_its_children()
    {
        var a = YesNo("A");
        var b = YesNo("B").DependingOn(a, "true");
        var c = Text("C").Required().DependingOn(b, "true");

        var metrics = Metrics([a, b, c], (a, "false"), (b, "true"));

        Assert.True(metrics.IsCompleted);
        Assert.Equal(100.0, metrics.CompletionPercentage);
    }

    [Fact]
    public void The_percentage_is_over_visible_questions_rounded_to_one_decimal()
    {
        var questions = new[] { Text("One"), Text("Two"), Text("Three") };

        Assert.Equal(33.3, Metrics(questions, (questions[0], "\"x\"")).CompletionPercentage);
        Assert.Equal(66.7, Metrics(questions, (questions[0], "\"x\""), (questions[2], "\"y\"")).CompletionPercentage);
        Assert.Equal(0.0, Metrics(questions).CompletionPercentage);
    }

    [Fact]
    public void With_no_question_the_percentage_is_100_and_the_completion_complete()
    {
        var empty = Metrics([]);
        Assert.Equal(100.0, empty.CompletionPercentage);
        Assert.True(empty.IsCompleted);
    }

    [Fact]
    public void Unanswered_required_questions_are_listed_in_question_order()
    {
        var first = Text("First").Required();
        var optional = Text("Optional");
        var second = YesNo("Second").Required();
        var third = Text("Third").Required();

        var metrics = Metrics([first, optional, second, third], (second, "false"));

        Assert.Equal(["First", "Third"], metrics.UnansweredRequired.Select(q => q.Definition.Description));
        Assert.False(metrics.IsCompleted);
    }

    [Theory]
    [InlineData(QuestionTypes.Boolean, "equals", "false", "false", true)]
    [InlineData(QuestionTypes.Boolean, "equals", "false", "true", false)]
    [InlineData(QuestionTypes.Number, "equals", "0", "0", true)]
    [InlineData(QuestionTypes.Number, "equals", "0", "5", false)]
    [InlineData(QuestionTypes.TextInput, "contains", "\"\"", "\"anything\"", true)]
    [InlineData(QuestionTypes.TextInput, "contains", "\"risk\"", "\"no issues\"", false)]
    public void An_answer_requires_review_when_the_review_operator_matches_it_falsy_values_included(
        string type, string op, string reviewValue, string answer, bool requiresReview)
    {
        var question = Question(type, q => q with { Operator = op, ReviewAnswerValueJson = reviewValue });

        var metrics = Metrics([question], (question, answer));

        Assert.Equal(requiresReview, metrics.RequiresReview);
    }

    [Fact]
    public void An_answer_always_requires_review_when_the_question_says_so_and_triggers_are_listed_per_question()
    {
        var always = Question(QuestionTypes.Boolean, q => q with { AlwaysRequiresReview = true });
        var quiet = YesNo("Quiet");
        var unanswered = Question(QuestionTypes.Boolean, q => q with { AlwaysRequiresReview = true });

        var metrics = Metrics([always, quiet, unanswered], (always, "true"), (quiet, "true"));

        Assert.True(metrics.RequiresReview);
        Assert.Equal([always.Id], metrics.ReviewTriggers.Select(q => q.Id));
        Assert.False(Metrics([always, quiet], (quiet, "true")).RequiresReview);
    }
}

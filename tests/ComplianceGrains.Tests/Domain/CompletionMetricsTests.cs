using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;
using static ComplianceGrains.Tests.Support.TestQuestions;

namespace ComplianceGrains.Tests.Domain;

/// <summary>BEHAVIOUR.md §3: completion percentage, is_completed and the unanswered required questions.</summary>
public sealed class CompletionMetricsTests
{
    private static Dictionary<Guid, string> Answers(params (QuestionView Question, string Json)[] answers) =>
        answers.ToDictionary(a => a.Question.Id, a => a.Json);

    [Fact]
    public void One_of_two_required_questions_answered_is_not_completed_and_lists_the_other()
    {
        var first = Required(description: "First");
        var second = Required(QuestionTypes.TextInput, "Second");
        var metrics = CompletionMetrics.Compute([first, second], Answers((first, "true")));
        Assert.False(metrics.IsCompleted);
        Assert.Equal([second.Id], metrics.UnansweredRequired.Select(q => q.Id));
        Assert.Equal(50.0, metrics.CompletionPercentage);
    }

    [Fact]
    public void Unanswered_required_questions_come_in_question_order()
    {
        var questions = new[] { Required(description: "a"), Make(QuestionTypes.TextInput), Required(description: "b"), Required(description: "c") };
        var metrics = CompletionMetrics.Compute(questions, Answers((questions[2], "false")));
        Assert.Equal([questions[0].Id, questions[3].Id], metrics.UnansweredRequired.Select(q => q.Id));
    }

    [Fact]
    public void One_of_three_questions_answered_is_33_point_3_percent()
    {
        var questions = new[] { Make(QuestionTypes.Boolean), Make(QuestionTypes.TextInput), Make(QuestionTypes.Number) };
        var metrics = CompletionMetrics.Compute(questions, Answers((questions[1], "\"x\"")));
        Assert.Equal(33.3, metrics.CompletionPercentage);
        Assert.True(metrics.IsCompleted);
    }

    [Fact]
    public void Two_of_three_rounds_to_one_decimal()
    {
        var questions = new[] { Make(QuestionTypes.Boolean), Make(QuestionTypes.Boolean), Make(QuestionTypes.Boolean) };
        var metrics = CompletionMetrics.Compute(questions, Answers((questions[0], "true"), (questions[1], "false")));
        Assert.Equal(66.7, metrics.CompletionPercentage);
    }

    [Fact]
    public void A_checklist_without_questions_is_complete_at_100_percent()
    {
        var metrics = CompletionMetrics.Compute([], new Dictionary<Guid, string>());
        Assert.True(metrics.IsCompleted);
        Assert.Equal(100.0, metrics.CompletionPercentage);
        Assert.Empty(metrics.UnansweredRequired);
    }

    [Fact]
    public void Adding_a_required_question_makes_a_completed_completion_pending()
    {
        var answered = Required(description: "Answered");
        var answers = Answers((answered, "true"));
        Assert.True(CompletionMetrics.Compute([answered], answers).IsCompleted);

        var added = Required(description: "Added later");
        var after = CompletionMetrics.Compute([answered, added], answers);
        Assert.False(after.IsCompleted);
        Assert.Equal(50.0, after.CompletionPercentage);
        Assert.Equal([added.Id], after.UnansweredRequired.Select(q => q.Id));
    }

    [Fact]
    public void Answers_to_questions_no_longer_in_the_checklist_do_not_count()
    {
        var kept = Make(QuestionTypes.Boolean);
        var removed = Make(QuestionTypes.Boolean);
        var metrics = CompletionMetrics.Compute([kept], Answers((removed, "true")));
        Assert.Equal(0.0, metrics.CompletionPercentage);
    }
}

using ComplianceGrains.Checklists;
using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using static ComplianceGrains.Tests.Support.TestQuestions;

namespace ComplianceGrains.Tests.Domain;

/// <summary>BEHAVIOUR.md §1: a submission is accepted whole or rejected with errors aligned to its items.</summary>
public sealed class SubmissionValidationTests
{
    private static readonly IReadOnlySet<Guid> NoForeign = new HashSet<Guid>();
    private static string NoSniffing(byte[] content) => throw new InvalidOperationException("No file question in these tests.");

    private static SubmittedAnswer Item(QuestionView question, string? json) => new(question.Id, json, null);

    [Fact]
    public void A_valid_submission_is_accepted_whole_with_normalised_answers()
    {
        var boolean = Make(QuestionTypes.Boolean);
        var text = Make(QuestionTypes.TextInput);
        var outcome = SubmissionValidation.Validate([boolean, text], [Item(boolean, "true"), Item(text, "\"hello\"")], NoForeign, NoSniffing);
        Assert.Null(outcome.Errors);
        Assert.Equal([(boolean.Id, "true"), (text.Id, "\"hello\"")], outcome.Accepted!.Select(a => (a.Question.Id, a.AnswerJson!)));
    }

    [Fact]
    public void One_invalid_item_rejects_everything_with_empty_errors_for_the_valid_ones()
    {
        var first = Make(QuestionTypes.TextInput);
        var middle = Make(QuestionTypes.Boolean, "Accept terms");
        var last = Make(QuestionTypes.Number);
        var outcome = SubmissionValidation.Validate(
            [first, middle, last], [Item(first, "\"ok\""), Item(middle, "\"invalid text\""), Item(last, "5")], NoForeign, NoSniffing);
        Assert.Null(outcome.Accepted);
        var errors = outcome.Errors!;
        Assert.Equal(3, errors.Count);
        Assert.Empty(errors[0]);
        Assert.Equal(
            ["Answer value 'invalid text' is not valid for the question 'Accept terms' (type: boolean)."],
            errors[1]["non_field_errors"]);
        Assert.Empty(errors[2]);
    }

    [Fact]
    public void Null_answer_data_removes_the_answer_and_is_never_invalid()
    {
        var number = Make(QuestionTypes.Number, min: 10, max: 20);
        var select = Make(QuestionTypes.SingleSelect, options: 1);
        var outcome = SubmissionValidation.Validate([number, select], [Item(number, "null"), Item(select, "null")], NoForeign, NoSniffing);
        Assert.Null(outcome.Errors);
        Assert.All(outcome.Accepted!, a => Assert.Null(a.AnswerJson));
    }

    [Fact]
    public void An_unknown_question_and_a_question_of_another_checklist_get_different_messages()
    {
        var own = Make(QuestionTypes.Boolean);
        var unknown = Guid.NewGuid();
        var foreign = Guid.NewGuid();
        var outcome = SubmissionValidation.Validate(
            [own],
            [new SubmittedAnswer(unknown, "true", null), new SubmittedAnswer(foreign, "true", null), Item(own, "true")],
            new HashSet<Guid> { foreign }, NoSniffing);
        var errors = outcome.Errors!;
        Assert.Equal([$"Question with UUID {unknown:N} does not exist"], errors[0]["non_field_errors"]);
        Assert.Equal([$"Question {foreign:N} does not belong to this checklist"], errors[1]["non_field_errors"]);
        Assert.Empty(errors[2]);
    }

    [Fact]
    public void Parse_errors_of_an_item_are_reported_in_its_place()
    {
        var own = Make(QuestionTypes.Boolean);
        var parseErrors = new Dictionary<string, string[]> { ["question_uuid"] = ["Must be a valid UUID."] };
        var outcome = SubmissionValidation.Validate([own], [Item(own, "true"), new SubmittedAnswer(null, null, parseErrors)], NoForeign, NoSniffing);
        Assert.Empty(outcome.Errors![0]);
        Assert.Equal(["Must be a valid UUID."], outcome.Errors[1]["question_uuid"]);
    }

    [Fact]
    public void An_empty_submission_is_valid_and_accepts_nothing()
    {
        var outcome = SubmissionValidation.Validate([Make(QuestionTypes.Boolean)], [], NoForeign, NoSniffing);
        Assert.Null(outcome.Errors);
        Assert.Empty(outcome.Accepted!);
    }
}

using ComplianceGrains.Checklists;
using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using static ComplianceGrains.Tests.Support.TestQuestions;

namespace ComplianceGrains.Tests.Domain;

/// <summary>A refused submission names why each refused item failed, for the validation-failure metric.</summary>
public sealed class ValidationFailureTypeTests
{
    private static string NoSniffing(byte[] content) => throw new InvalidOperationException("No file question in these tests.");

    [Fact]
    public void Each_refused_item_is_typed_by_its_question_type_or_by_what_was_wrong_with_it()
    {
        var boolean = Make(QuestionTypes.Boolean);
        var number = Make(QuestionTypes.Number);
        var text = Make(QuestionTypes.TextInput);
        var foreign = Guid.NewGuid();
        var malformed = new SubmittedAnswer(null, null, new Dictionary<string, string[]> { ["question_uuid"] = ["This field is required."] });

        var outcome = SubmissionValidation.Validate(
            [boolean, number, text],
            [
                new(boolean.Id, "\"yes\"", null), new(number.Id, "\"many\"", null), new(text.Id, "\"fine\"", null),
                new(Guid.NewGuid(), "1", null), new(foreign, "1", null), malformed,
            ],
            new HashSet<Guid> { foreign }, NoSniffing);

        Assert.Equal(
            [QuestionTypes.Boolean, QuestionTypes.Number, SubmissionValidation.FailureTypes.UnknownQuestion,
             SubmissionValidation.FailureTypes.OtherChecklist, SubmissionValidation.FailureTypes.Malformed],
            outcome.FailureTypes);
    }

    [Fact]
    public void An_accepted_submission_has_no_failure_types()
    {
        var boolean = Make(QuestionTypes.Boolean);
        var outcome = SubmissionValidation.Validate([boolean], [new(boolean.Id, "true", null)], new HashSet<Guid>(), NoSniffing);
        Assert.Null(outcome.FailureTypes);
    }
}

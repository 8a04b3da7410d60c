using ComplianceGrains.Checklists;
using static ComplianceGrains.Tests.Domain.QuestionDefinitionAssert;

namespace ComplianceGrains.Tests.Domain;

/// <summary>
/// BEHAVIOUR.md §2: which operators suit which question types, for review triggers and conditional guidance.
/// Every operator is tried against every question type; the expectations come from the table below, copied from the spec.
/// </summary>
public sealed class OperatorSuitabilityTests
{
    private static readonly string[] QuestionTypes =
    [
        "text_input", "text_area", "boolean", "number", "single_select", "multi_select", "date", "datetime", "year",
        "rating", "email", "phone_number", "url", "country", "likert", "rich_text", "file", "multiple_files",
    ];

    /// <summary>BEHAVIOUR.md §2, written out. rich_text suits none.</summary>
    private static readonly Dictionary<string, string[]> SpecTable = new()
    {
        ["equals"] = ["number", "date", "datetime", "boolean", "year", "rating", "phone_number", "email", "url", "country", "likert", "single_select"],
        ["not_equals"] = ["number", "date", "datetime", "boolean", "year", "rating", "phone_number", "email", "url", "country", "likert", "single_select"],
        ["contains"] = ["text_input", "text_area", "phone_number", "email", "url", "file", "multiple_files"],
        ["in"] = ["single_select", "multi_select", "country", "multiple_files"],
        ["not_in"] = ["single_select", "multi_select", "country", "multiple_files"],
    };

    public static TheoryData<string, string, bool> EveryOperatorAndType()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (op, suited) in SpecTable)
            foreach (var type in QuestionTypes)
                data.Add(op, type, suited.Contains(type));
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryOperatorAndType))]
    public void Review_operator_is_accepted_exactly_for_the_types_it_suits(string op, string questionType, bool suits)
    {
        var definition = ValidOfType(questionType) with { Operator = op, ReviewAnswerValueJson = "\"x\"" };
        if (suits) Accepted(definition);
        else Rejected(definition, "operator");
    }

    [Theory]
    [MemberData(nameof(EveryOperatorAndType))]
    public void Guidance_operator_is_accepted_exactly_for_the_types_it_suits(string op, string questionType, bool suits)
    {
        var definition = ValidOfType(questionType) with
        {
            AlwaysShowGuidance = false, GuidanceOperator = op, GuidanceAnswerValueJson = "\"x\"",
        };
        if (suits) Accepted(definition);
        else Rejected(definition, "guidance_operator");
    }

    [Fact]
    public void The_table_covers_every_question_type_the_api_knows()
    {
        // A question type added to the API without a decision about its operators would slip through the theory above.
        Assert.Equal(QuestionTypes.Order(), ComplianceGrains.Checklists.QuestionTypes.All.Order());
    }
}

using System.Text.Json;
using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;
using static ComplianceGrains.Tests.Domain.QuestionModel;

namespace ComplianceGrains.Tests.Domain;

/// <summary>BEHAVIOUR.md §2: how each operator compares an answer with a required value, and which types it suits.</summary>
public sealed class OperatorTests
{
    private static bool Matches(string op, string answerJson, string requiredJson) =>
        OperatorEvaluation.Matches(op, Json(answerJson), Json(requiredJson));

    [Theory]
    [InlineData("true", "true", true)]
    [InlineData("false", "false", true)]
    [InlineData("true", "false", false)]
    [InlineData("0", "0", true)]
    [InlineData("42", "42.0", true)]
    [InlineData("42", "43", false)]
    [InlineData("\"yes\"", "\"yes\"", true)]
    [InlineData("\"yes\"", "\"Yes\"", false)]
    [InlineData("\"\"", "\"\"", true)]
    [InlineData("[\"a\", \"b\"]", "[\"a\", \"b\"]", true)]
    [InlineData("[\"a\", \"b\"]", "[\"b\", \"a\"]", false)]
    [InlineData("[\"a\"]", "\"a\"", false)]
    [InlineData("{\"x\": 1, \"y\": [true]}", "{\"y\": [true], \"x\": 1}", true)]
    [InlineData("{\"x\": 1}", "{\"x\": 2}", false)]
    [InlineData("false", "0", false)]
    [InlineData("0", "\"0\"", false)]
    public void Equals_is_deep_json_equality_and_not_equals_its_negation(string answer, string required, bool equal)
    {
        Assert.Equal(equal, Matches(Operators.EqualsOp, answer, required));
        Assert.Equal(!equal, Matches(Operators.NotEquals, answer, required));
    }

    [Theory]
    [InlineData("\"We host on AWS and GCP\"", "\"AWS\"", true)]
    [InlineData("\"We host on AWS and GCP\"", "[\"Azure\", \"GCP\"]", true)]
    [InlineData("\"We host on AWS and GCP\"", "[\"Azure\"]", false)]
    [InlineData("\"We host on AWS\"", "\"aws\"", false)]
    [InlineData("\"AWS\"", "\"We host on AWS\"", false)]
    [InlineData("[\"a\", \"b\"]", "\"b\"", true)] // a single string is a one-item list
    [InlineData("[\"a\", \"b\"]", "[\"c\", \"a\"]", true)]
    [InlineData("[\"a\", \"b\"]", "[\"c\"]", false)]
    [InlineData("[\"abc\"]", "\"b\"", false)] // membership, not substring, for a list answer
    [InlineData("[]", "[\"a\"]", false)]
    public void Contains_is_substring_for_a_string_answer_and_membership_for_a_list_answer(string answer, string required, bool expected) =>
        Assert.Equal(expected, Matches(Operators.Contains, answer, required));

    [Theory]
    [InlineData("\"EE\"", "[\"EE\", \"LV\"]", true)]
    [InlineData("\"FI\"", "[\"EE\", \"LV\"]", false)]
    [InlineData("3", "[1, 2, 3]", true)]
    [InlineData("[\"x\", \"y\"]", "[\"y\", \"z\"]", true)] // any item of a list answer
    [InlineData("[\"x\"]", "[\"y\", \"z\"]", false)]
    [InlineData("[]", "[\"y\"]", false)]
    public void In_is_true_when_the_answer_or_any_of_its_items_is_listed_and_not_in_is_its_negation(string answer, string required, bool expected)
    {
        Assert.Equal(expected, Matches(Operators.In, answer, required));
        Assert.Equal(!expected, Matches(Operators.NotIn, answer, required));
    }

    [Theory]
    [InlineData(Operators.EqualsOp, "true")]
    [InlineData(Operators.NotEquals, "true")]
    [InlineData(Operators.Contains, "\"a\"")]
    [InlineData(Operators.In, "[\"a\"]")]
    [InlineData(Operators.NotIn, "[\"a\"]")]
    public void A_missing_answer_never_satisfies_an_operator(string op, string required)
    {
        Assert.False(OperatorEvaluation.Matches(op, null, Json(required)));
        Assert.False(OperatorEvaluation.Matches(op, Json("null"), Json(required)));
    }

    [Fact]
    public void An_unknown_operator_never_matches() => Assert.False(Matches("greater_than", "5", "1"));

    /// <summary>The table of BEHAVIOUR.md §2 (negations suit what their operator suits).</summary>
    private static readonly Dictionary<string, string[]> Table = new()
    {
        ["equals"] =
        [
            "number", "date", "datetime", "boolean", "year", "rating", "phone_number", "email", "url", "country", "likert",
            "single_select",
        ],
        ["contains"] = ["text_input", "text_area", "phone_number", "email", "url", "file", "multiple_files"],
        ["in"] = ["single_select", "multi_select", "country", "multiple_files"],
    };

    [Fact]
    public void Each_operator_suits_exactly_the_types_of_the_table()
    {
        foreach (var type in QuestionTypes.All)
        {
            foreach (var op in Operators.All)
            {
                var family = op switch { "not_equals" => "equals", "not_in" => "in", _ => op };
                Assert.True(Table[family].Contains(type) == Operators.Suits(op, type), $"{op} on {type}");
            }
        }
    }

    [Fact]
    public void Rich_text_suits_no_operator() =>
        Assert.DoesNotContain(Operators.All, op => Operators.Suits(op, QuestionTypes.RichText));
}

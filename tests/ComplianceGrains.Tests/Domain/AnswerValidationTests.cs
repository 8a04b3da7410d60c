using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;
using static ComplianceGrains.Tests.Support.TestQuestions;

namespace ComplianceGrains.Tests.Domain;

/// <summary>BEHAVIOUR.md §1: which answer_data each question type accepts.</summary>
public sealed class AnswerValidationTests
{
    private static bool Valid(QuestionView question, string json) => AnswerValidation.Normalise(question, Json(json)) is not null;

    [Theory]
    [InlineData(QuestionTypes.TextInput)]
    [InlineData(QuestionTypes.TextArea)]
    public void Text_questions_accept_any_string_including_the_empty_one(string type)
    {
        var question = Make(type);
        Assert.True(Valid(question, "\"Some answer\""));
        Assert.True(Valid(question, "\"\""));
        Assert.True(Valid(question, "\"multi\\nline ✓\""));
    }

    [Theory]
    [InlineData(QuestionTypes.TextInput, "42")]
    [InlineData(QuestionTypes.TextInput, "true")]
    [InlineData(QuestionTypes.TextInput, "[\"a\"]")]
    [InlineData(QuestionTypes.TextArea, "{\"text\": \"x\"}")]
    [InlineData(QuestionTypes.TextArea, "false")]
    public void Text_questions_reject_non_strings(string type, string json) => Assert.False(Valid(Make(type), json));

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void Boolean_accepts_json_booleans(string json) => Assert.True(Valid(Make(QuestionTypes.Boolean), json));

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("\"false\"")]
    [InlineData("\"invalid text\"")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("[]")]
    [InlineData("{}")]
    public void Boolean_rejects_strings_numbers_and_containers(string json) => Assert.False(Valid(Make(QuestionTypes.Boolean), json));

    [Theory]
    [InlineData("42")]
    [InlineData("42.5")]
    [InlineData("-3")]
    [InlineData("\"42\"")]
    [InlineData("\"42.5\"")]
    public void Number_accepts_json_numbers_and_numeric_strings(string json) => Assert.True(Valid(Make(QuestionTypes.Number), json));

    [Theory]
    [InlineData("\"12.5.3\"")]
    [InlineData("\"forty-two\"")]
    [InlineData("\"\"")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("[]")]
    [InlineData("{}")]
    public void Number_rejects_malformed_strings_booleans_and_containers(string json) =>
        Assert.False(Valid(Make(QuestionTypes.Number), json));

    [Theory]
    [InlineData("10", true)]
    [InlineData("50", true)]
    [InlineData("30.5", true)]
    [InlineData("\"50\"", true)]
    [InlineData("9.99", false)]
    [InlineData("51", false)]
    [InlineData("\"9.99\"", false)]
    [InlineData("-10", false)]
    public void Number_bounds_are_inclusive(string json, bool valid) =>
        Assert.Equal(valid, Valid(Make(QuestionTypes.Number, min: 10, max: 50), json));

    [Fact]
    public void Number_above_a_lone_maximum_is_invalid()
    {
        var question = Make(QuestionTypes.Number, max: 100);
        Assert.False(Valid(question, "150"));
        Assert.True(Valid(question, "100"));
        Assert.True(Valid(question, "-1000"));
    }

    [Fact]
    public void Single_select_accepts_exactly_one_option_of_the_question_in_either_uuid_form()
    {
        var question = Make(QuestionTypes.SingleSelect, options: 2);
        var option = question.Options[0].Id;
        Assert.True(Valid(question, Options(option)));
        Assert.True(Valid(question, $"[\"{option:D}\"]"));
    }

    [Fact]
    public void Single_select_rejects_two_items_an_empty_list_and_a_bare_string()
    {
        var question = Make(QuestionTypes.SingleSelect, options: 2);
        Assert.False(Valid(question, Options(question.Options[0].Id, question.Options[1].Id)));
        Assert.False(Valid(question, "[]"));
        Assert.False(Valid(question, $"\"{question.Options[0].Id:N}\""));
    }

    [Fact]
    public void Single_select_rejects_an_option_of_another_question_and_junk()
    {
        var question = Make(QuestionTypes.SingleSelect, options: 2);
        var other = Make(QuestionTypes.SingleSelect, options: 1);
        Assert.False(Valid(question, Options(other.Options[0].Id)));
        Assert.False(Valid(question, Options(Guid.NewGuid())));
        Assert.False(Valid(question, "[\"not-a-uuid\"]"));
        Assert.False(Valid(question, "[1]"));
    }

    [Fact]
    public void Multi_select_accepts_distinct_options_and_the_empty_list()
    {
        var question = Make(QuestionTypes.MultiSelect, options: 3);
        Assert.True(Valid(question, "[]"));
        Assert.True(Valid(question, Options(question.Options[0].Id)));
        Assert.True(Valid(question, Options(question.Options[2].Id, question.Options[0].Id, question.Options[1].Id)));
    }

    [Fact]
    public void Multi_select_rejects_duplicates_even_in_different_uuid_forms()
    {
        var question = Make(QuestionTypes.MultiSelect, options: 2);
        var option = question.Options[0].Id;
        Assert.False(Valid(question, Options(option, option)));
        Assert.False(Valid(question, $"[\"{option:N}\", \"{option:D}\"]"));
    }

    [Fact]
    public void Multi_select_rejects_foreign_options_and_non_lists()
    {
        var question = Make(QuestionTypes.MultiSelect, options: 2);
        var other = Make(QuestionTypes.MultiSelect, options: 1);
        Assert.False(Valid(question, Options(question.Options[0].Id, other.Options[0].Id)));
        Assert.False(Valid(question, $"\"{question.Options[0].Id:N}\""));
        Assert.False(Valid(question, "{}"));
    }
}

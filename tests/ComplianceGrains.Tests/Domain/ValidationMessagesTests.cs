using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;
using static ComplianceGrains.Tests.Support.TestQuestions;

namespace ComplianceGrains.Tests.Domain;

/// <summary>BEHAVIOUR.md §1: the exact text of an invalid answer's message, values printed as Python prints them.</summary>
public sealed class ValidationMessagesTests
{
    [Theory]
    [InlineData("true", "True")]
    [InlineData("false", "False")]
    [InlineData("150", "150")]
    [InlineData("150.5", "150.5")]
    [InlineData("\"text\"", "text")]
    [InlineData("[\"a\", \"b\"]", "['a', 'b']")]
    [InlineData("{\"name\": \"x\"}", "{'name': 'x'}")]
    [InlineData("[1, true, null]", "[1, True, None]")]
    [InlineData("{\"a\": [\"it's\"]}", "{'a': [\"it's\"]}")]
    public void Values_are_printed_as_python_prints_them(string json, string printed) =>
        Assert.Equal(printed, PythonRepr.Str(Json(json)));

    [Fact]
    public void Invalid_answer_message_names_value_question_and_type()
    {
        var message = ValidationMessages.InvalidAnswer(Json("\"invalid text\""), "Accept terms", QuestionTypes.Boolean);
        Assert.Equal("Answer value 'invalid text' is not valid for the question 'Accept terms' (type: boolean).", message);
    }

    [Fact]
    public void Long_question_descriptions_are_cut_to_50_characters_and_an_ellipsis()
    {
        var description = new string('x', 50) + "TAIL";
        var message = ValidationMessages.InvalidAnswer(Json("150"), description, QuestionTypes.Number);
        Assert.Equal($"Answer value '150' is not valid for the question '{new string('x', 50)}...' (type: number).", message);
    }

    [Fact]
    public void A_description_of_exactly_50_characters_is_not_cut()
    {
        var description = new string('y', 50);
        Assert.Equal(description, ValidationMessages.Cut(description));
        Assert.Equal(new string('y', 50) + "...", ValidationMessages.Cut(description + "z"));
    }

    [Fact]
    public void Unknown_and_foreign_question_messages_name_the_uuid_in_hex()
    {
        var id = Guid.NewGuid();
        Assert.Equal($"Question with UUID {id:N} does not exist", ValidationMessages.QuestionDoesNotExist(id));
        Assert.Equal($"Question {id:N} does not belong to this checklist", ValidationMessages.QuestionNotInChecklist(id));
    }
}

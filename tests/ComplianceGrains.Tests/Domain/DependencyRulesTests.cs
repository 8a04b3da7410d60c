using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;
using static ComplianceGrains.Tests.Domain.QuestionModel;

namespace ComplianceGrains.Tests.Domain;

/// <summary>API.md §2 dependency validation: same checklist, no self-dependency, no cycle, a suitable operator and a valid value.</summary>
public sealed class DependencyRulesTests
{
    private static Dictionary<string, string[]> Validate(IReadOnlyList<QuestionView> questions, QuestionView question, QuestionView dependsOn,
        string requiredJson, string op = "equals") =>
        DependencyRules.Validate(questions, Dependency(question, dependsOn, requiredJson, op));

    private static void AssertError(Dictionary<string, string[]> errors, string field) =>
        Assert.True(errors.TryGetValue(field, out var messages) && messages.Length > 0,
            $"Expected an error for {field} but got {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");

    [Fact]
    public void A_valid_dependency_has_no_errors()
    {
        var gate = Question(QuestionTypes.Boolean);
        var follow = Question(QuestionTypes.TextInput);

        Assert.Empty(Validate([gate, follow], follow, gate, "true"));
    }

    [Fact]
    public void Both_questions_must_be_in_the_same_checklist()
    {
        var follow = Question(QuestionTypes.TextInput);
        var elsewhere = Question(QuestionTypes.Boolean);

        var errors = Validate([follow], follow, elsewhere, "true");

        AssertError(errors, "depends_on_question");
    }

    [Fact]
    public void A_question_cannot_depend_on_itself()
    {
        var q = Question(QuestionTypes.Boolean);

        var errors = Validate([q], q, q, "true");

        Assert.Equal(["Question cannot depend on itself"], errors["non_field_errors"]);
    }

    [Fact]
    public void A_cycle_of_two_is_refused_naming_both_questions()
    {
        var a = Question(QuestionTypes.Boolean, description: "Alpha question");
        var b = Question(QuestionTypes.Boolean, description: "Beta question").DependingOn(a, "true");

        var errors = Validate([a, b], a, b, "true");

        var message = Assert.Single(errors["non_field_errors"]);
        Assert.Contains("Circular", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Alpha question", message);
        Assert.Contains("Beta question", message);
    }

    [Fact]
    public void A_cycle_of_three_is_refused_naming_every_question_of_it()
    {
        var a = Question(QuestionTypes.Boolean, description: "Alpha question");
        var c = Question(QuestionTypes.Boolean, description: "Gamma question");
        var b = Question(QuestionTypes.Boolean, description: "Beta question").DependingOn(c, "true");
        a = a.DependingOn(b, "true");
        var outsider = Question(QuestionTypes.Boolean, description: "Delta question");

        // a -> b -> c exist; c -> a would close the cycle.
        var errors = Validate([a, b, c, outsider], c, a, "true");

        var message = Assert.Single(errors["non_field_errors"]);
        Assert.Contains("Circular", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Alpha question", message);
        Assert.Contains("Beta question", message);
        Assert.Contains("Gamma question", message);
        Assert.DoesNotContain("Delta question", message);
    }

    [Fact]
    public void A_chain_without_a_cycle_is_allowed()
    {
        var a = Question(QuestionTypes.Boolean);
        var b = Question(QuestionTypes.Boolean).DependingOn(a, "true");
        var c = Question(QuestionTypes.Boolean);

        // c -> b -> a is a chain; adding c -> a as well makes a diamond, still no cycle.
        Assert.Empty(Validate([a, b, c], c, b, "true"));
        var cOnB = c.DependingOn(b, "true");
        Assert.Empty(Validate([a, b, cOnB], cOnB, a, "false"));
    }

    [Fact]
    public void Changing_an_existing_dependency_is_not_a_cycle_with_itself()
    {
        var a = Question(QuestionTypes.Boolean);
        var b = Question(QuestionTypes.Boolean).DependingOn(a, "true");
        var changed = b.Dependencies[0] with { RequiredAnswerValueJson = "false" };

        Assert.Empty(DependencyRules.Validate([a, b], changed));
    }

    [Theory]
    [InlineData(QuestionTypes.Boolean, "contains", "\"yes\"")]
    [InlineData(QuestionTypes.Boolean, "in", "[true]")]
    [InlineData(QuestionTypes.TextInput, "equals", "\"yes\"")]
    [InlineData(QuestionTypes.TextInput, "in", "[\"yes\"]")]
    [InlineData(QuestionTypes.MultiSelect, "equals", "[]")]
    [InlineData(QuestionTypes.RichText, "contains", "\"x\"")]
    [InlineData(QuestionTypes.Number, "not_in", "[1]")]
    [InlineData(QuestionTypes.File, "equals", "\"x\"")]
    public void The_operator_must_suit_the_depended_on_question_type(string type, string op, string value)
    {
        var dependsOn = Question(type);
        var follow = Question(QuestionTypes.TextInput);

        AssertError(Validate([dependsOn, follow], follow, dependsOn, value, op), "operator");
    }

    [Fact]
    public void An_unknown_operator_is_refused()
    {
        var gate = Question(QuestionTypes.Number);
        var follow = Question(QuestionTypes.TextInput);

        AssertError(Validate([gate, follow], follow, gate, "5", "greater_than"), "operator");
    }

    [Theory]
    [InlineData(QuestionTypes.Boolean, "equals", "\"yes\"")]
    [InlineData(QuestionTypes.Boolean, "equals", "null")]
    [InlineData(QuestionTypes.Number, "equals", "\"many\"")]
    [InlineData(QuestionTypes.Date, "equals", "\"2023-02-29\"")]
    [InlineData(QuestionTypes.Email, "not_equals", "\"nobody\"")]
    [InlineData(QuestionTypes.Country, "in", "[\"EE\", \"XX\"]")]
    [InlineData(QuestionTypes.Country, "in", "\"EE\"")] // in needs a list
    [InlineData(QuestionTypes.TextInput, "contains", "5")]
    [InlineData(QuestionTypes.TextInput, "contains", "[\"a\", 5]")]
    public void The_required_value_must_be_a_valid_answer_for_the_depended_on_question(string type, string op, string value)
    {
        var dependsOn = Question(type);
        var follow = Question(QuestionTypes.TextInput);

        AssertError(Validate([dependsOn, follow], follow, dependsOn, value, op), "required_answer_value");
    }

    [Theory]
    [InlineData(QuestionTypes.Boolean, "equals", "false")]
    [InlineData(QuestionTypes.Number, "not_equals", "0")]
    [InlineData(QuestionTypes.Date, "equals", "\"2024-02-29\"")]
    [InlineData(QuestionTypes.Country, "in", "[\"ee\", \"LV\"]")]
    [InlineData(QuestionTypes.TextInput, "contains", "\"\"")]
    [InlineData(QuestionTypes.TextInput, "contains", "[\"cloud\", \"hosting\"]")]
    public void Valid_required_values_are_accepted_falsy_ones_included(string type, string op, string value)
    {
        var dependsOn = Question(type);
        var follow = Question(QuestionTypes.TextInput);

        Assert.Empty(Validate([dependsOn, follow], follow, dependsOn, value, op));
    }

    [Fact]
    public void A_select_condition_must_name_options_of_the_depended_on_question()
    {
        var choice = Question(QuestionTypes.SingleSelect).WithOptions("Cloud", "On premises");
        var follow = Question(QuestionTypes.TextInput);
        var cloud = choice.Options[0].Id.ToString("N");

        Assert.Empty(Validate([choice, follow], follow, choice, $"[\"{cloud}\"]", "in"));
        Assert.Empty(Validate([choice, follow], follow, choice, $"[\"{cloud}\"]", "equals"));
        AssertError(Validate([choice, follow], follow, choice, $"[\"{Guid.NewGuid():N}\"]", "in"), "required_answer_value");
        AssertError(Validate([choice, follow], follow, choice, $"[\"{Guid.NewGuid():N}\"]", "equals"), "required_answer_value");
    }
}

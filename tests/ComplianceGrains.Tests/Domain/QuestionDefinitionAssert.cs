using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;

namespace ComplianceGrains.Tests.Domain;

/// <summary>Shared assertions and fixtures for the admin validation of question definitions.</summary>
internal static class QuestionDefinitionAssert
{
    public const string NonFieldErrors = "non_field_errors";

    /// <summary>A definition of the given type that is valid on its own (likert needs a scale length).</summary>
    public static QuestionDefinition ValidOfType(string questionType) =>
        questionType == "likert"
            ? new QuestionDefinition { QuestionType = questionType, LikertScaleLength = 5 }
            : new QuestionDefinition { QuestionType = questionType };

    public static void Accepted(QuestionDefinition definition)
    {
        var errors = QuestionDefinitionRules.Validate(definition);
        Assert.True(errors.Count == 0, $"Expected no errors but got: {Describe(errors)}");
    }

    /// <summary>Asserts the definition is rejected with at least one error on the given field and returns its messages.</summary>
    public static IReadOnlyList<string> Rejected(QuestionDefinition definition, string field)
    {
        var errors = QuestionDefinitionRules.Validate(definition);
        Assert.True(errors.TryGetValue(field, out var messages) && messages.Count > 0,
            $"Expected an error on '{field}' but got: {Describe(errors)}");
        return messages!;
    }

    private static string Describe(Dictionary<string, List<string>> errors) =>
        errors.Count == 0 ? "(none)" : string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" | ", e.Value)}"));
}

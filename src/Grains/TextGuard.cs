using ComplianceGrains.Domain;
using ComplianceGrains.Errors;

namespace ComplianceGrains;

/// <summary>The grains' side of <see cref="TextRules"/>: a write whose text breaks the rule is refused before anything changes.</summary>
internal static class TextGuard
{
    public static void Require(params (string Field, string? Text)[] texts) => ThrowIfAny(TextRules.Errors(texts));

    public static void RequireJson(params (string Field, string? Json)[] values) => ThrowIfAny(TextRules.JsonErrors(values));

    private static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0) throw new ValidationException(errors);
    }
}

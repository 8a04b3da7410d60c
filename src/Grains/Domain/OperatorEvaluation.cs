using System.Text.Json;

namespace ComplianceGrains.Domain;

/// <summary>Evaluates an operator against an answer (BEHAVIOUR.md §2). A missing answer never satisfies an operator.</summary>
public static class OperatorEvaluation
{
    public static bool Matches(string op, JsonElement? answer, JsonElement required)
    {
        if (answer is not { } value || value.ValueKind == JsonValueKind.Null) return false;
        return op switch
        {
            Operators.EqualsOp => JsonElement.DeepEquals(value, required),
            Operators.NotEquals => !JsonElement.DeepEquals(value, required),
            Operators.Contains => Contains(value, required),
            Operators.In => AnyIn(value, required),
            Operators.NotIn => !AnyIn(value, required),
            _ => false,
        };
    }

    private static IEnumerable<JsonElement> AsList(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];

    private static bool Contains(JsonElement answer, JsonElement required)
    {
        foreach (var item in AsList(required))
        {
            if (answer.ValueKind == JsonValueKind.String)
            {
                if (item.ValueKind == JsonValueKind.String && answer.GetString()!.Contains(item.GetString()!, StringComparison.Ordinal))
                    return true;
            }
            else if (answer.ValueKind == JsonValueKind.Array && answer.EnumerateArray().Any(a => JsonElement.DeepEquals(a, item)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AnyIn(JsonElement answer, JsonElement required)
    {
        var allowed = AsList(required).ToList();
        return AsList(answer).Any(item => allowed.Any(a => JsonElement.DeepEquals(a, item)));
    }
}

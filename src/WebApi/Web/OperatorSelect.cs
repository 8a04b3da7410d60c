namespace ComplianceGrains.WebApi.Web;

/// <summary>An operator control: only the operators that suit the compared question's type can be chosen.</summary>
public sealed record OperatorSelect(string Name, string? Selected, IEnumerable<(string Operator, string Types, bool Suits)> Choices)
{
    public static string Label(string op) => op switch
    {
        "equals" => "equals",
        "not_equals" => "does not equal",
        "contains" => "contains",
        "in" => "is one of",
        "not_in" => "is none of",
        _ => op,
    };
}

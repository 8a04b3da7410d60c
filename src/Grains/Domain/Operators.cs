using ComplianceGrains.Checklists;

namespace ComplianceGrains.Domain;

/// <summary>The comparison operators of dependencies, review triggers and guidance, and the question types each suits.</summary>
public static class Operators
{
    public const string EqualsOp = "equals";
    public const string NotEquals = "not_equals";
    public const string Contains = "contains";
    public const string In = "in";
    public const string NotIn = "not_in";

    public static readonly IReadOnlyList<string> All = [EqualsOp, NotEquals, Contains, In, NotIn];

    private static readonly HashSet<string> EqualityTypes =
    [
        QuestionTypes.Number, QuestionTypes.Date, QuestionTypes.DateTime, QuestionTypes.Boolean, QuestionTypes.Year,
        QuestionTypes.Rating, QuestionTypes.PhoneNumber, QuestionTypes.Email, QuestionTypes.Url, QuestionTypes.Country,
        QuestionTypes.Likert, QuestionTypes.SingleSelect,
    ];

    private static readonly HashSet<string> ContainsTypes =
    [
        QuestionTypes.TextInput, QuestionTypes.TextArea, QuestionTypes.PhoneNumber, QuestionTypes.Email,
        QuestionTypes.Url, QuestionTypes.File, QuestionTypes.MultipleFiles,
    ];

    private static readonly HashSet<string> MembershipTypes =
    [
        QuestionTypes.SingleSelect, QuestionTypes.MultiSelect, QuestionTypes.Country, QuestionTypes.MultipleFiles,
    ];

    public static bool IsKnown(string op) => All.Contains(op);

    /// <summary>True when the operator may be used on answers to a question of the given type (BEHAVIOUR.md §2).</summary>
    public static bool Suits(string op, string questionType) => op switch
    {
        EqualsOp or NotEquals => EqualityTypes.Contains(questionType),
        Contains => ContainsTypes.Contains(questionType),
        In or NotIn => MembershipTypes.Contains(questionType),
        _ => false,
    };
}

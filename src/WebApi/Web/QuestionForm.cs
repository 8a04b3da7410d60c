using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;

namespace ComplianceGrains.WebApi.Web;

/// <summary>
/// The builder's question form: the fields of <see cref="Draft"/> (what is stored, or what was just submitted), the
/// messages of a refused save next to them, and for a stored question (<see cref="Current"/>) its review trigger and
/// guidance condition, whose values take controls of its type.
/// </summary>
public sealed record QuestionForm(QuestionDefinition Draft, FormErrors Errors, QuestionView? Current)
{
    /// <summary>The fields the form shows; messages about any other are shown above it.</summary>
    public static readonly IReadOnlyCollection<string> Fields =
    [
        "description", "question_type", "required", "user_guidance", "guidance_operator", "guidance_answer_value", "operator",
        "review_answer_value", "min_value", "max_value", "allowed_file_types", "allowed_mime_types", "max_file_size_mb",
        "max_files_count", "likert_scale_length", "likert_low_label", "likert_high_label", "rich_text_char_limit",
        "rich_text_toolbar_level",
    ];

    public string Type => Draft.QuestionType;

    /// <summary>The types a group of fields is for, as the page's script reads them.</summary>
    public static string TypesOf(IReadOnlyList<string> types) => string.Join(' ', types);

    public bool Fits(IReadOnlyList<string> types) => types.Contains(Type);

    /// <summary>The operators that suit the question's type, each with the types it suits (for the script).</summary>
    public IEnumerable<(string Operator, string Types, bool Suits)> OperatorChoices() =>
        Operators.All.Select(op => (op, TypesOf(QuestionTypes.All.Where(t => Operators.Suits(op, t)).ToList()), Operators.Suits(op, Type)));

    public string Review => Draft.AlwaysRequiresReview ? BuilderForm.Always : Draft.Operator is not null || Draft.ReviewAnswerValueJson is not null ? BuilderForm.When : "none";

    public string Guidance => Draft.AlwaysShowGuidance ? BuilderForm.Always : BuilderForm.When;

    public ConditionValue? ReviewValue => Current is null ? null
        : new ConditionValue(Current, "review_value", "Answer that needs review", Draft.ReviewAnswerValueJson);

    public ConditionValue? GuidanceValue => Current is null ? null
        : new ConditionValue(Current, "guidance_value", "Answer that shows the guidance", Draft.GuidanceAnswerValueJson);

    public static string Decimal(decimal? value) => value?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}

using System.Text.RegularExpressions;
using ComplianceGrains.Checklists;

namespace ComplianceGrains.Domain;

/// <summary>Admin validation of a question's fields (API.md §2). Returns field errors; empty when valid.</summary>
public static partial class QuestionDefinitionRules
{
    public const string NonFieldErrors = "non_field_errors";

    public static readonly IReadOnlyList<int> LikertScaleLengths = [3, 5, 7];

    /// <summary>The question types that each group of type-specific fields is for.</summary>
    public static readonly IReadOnlyList<string> RangeTypes = [QuestionTypes.Number, QuestionTypes.Year, QuestionTypes.Rating];
    public static readonly IReadOnlyList<string> LikertTypes = [QuestionTypes.Likert];
    public static readonly IReadOnlyList<string> RichTextTypes = [QuestionTypes.RichText];
    public static readonly IReadOnlyList<string> FileTypes = [QuestionTypes.File, QuestionTypes.MultipleFiles];
    public static readonly IReadOnlyList<string> FileCountTypes = [QuestionTypes.MultipleFiles];

    public static Dictionary<string, List<string>> Validate(QuestionDefinition q)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        foreach (var (field, message) in TextErrors(q)) Add(field, message);
        if (errors.Count > 0) return errors;
        if (!QuestionTypes.All.Contains(q.QuestionType)) Add("question_type", $"\"{q.QuestionType}\" is not a valid choice.");
        if (q.DependencyLogicOperator is not ("and" or "or"))
            Add("dependency_logic_operator", $"\"{q.DependencyLogicOperator}\" is not a valid choice.");
        if (!RichTextToolbarLevels.All.Contains(q.RichTextToolbarLevel))
            Add("rich_text_toolbar_level", $"\"{q.RichTextToolbarLevel}\" is not a valid choice.");
        if (errors.Count > 0) return errors;

        ValidateRange(q, Add);
        ValidateLikert(q, Add);
        ValidateRichText(q, Add);
        ValidateFiles(q, Add);
        ValidateOperatorPair(q.Operator, q.ReviewAnswerValueJson, q.QuestionType, "operator", "review_answer_value", Add);
        if (!q.AlwaysShowGuidance && q.GuidanceOperator is null && q.GuidanceAnswerValueJson is null)
            Add(NonFieldErrors, "guidance_operator and guidance_answer_value are required when always_show_guidance is false.");
        else if (!q.AlwaysShowGuidance)
            ValidateOperatorPair(q.GuidanceOperator, q.GuidanceAnswerValueJson, q.QuestionType, "guidance_operator", "guidance_answer_value", Add);
        return errors;
    }

    /// <summary>Text that breaks <see cref="TextRules"/> is refused before any other rule reads it.</summary>
    private static IEnumerable<(string Field, string Message)> TextErrors(QuestionDefinition q)
    {
        var texts = TextRules.Errors(
            ("description", q.Description), ("question_type", q.QuestionType), ("user_guidance", q.UserGuidance),
            ("guidance_operator", q.GuidanceOperator), ("operator", q.Operator), ("dependency_logic_operator", q.DependencyLogicOperator),
            ("likert_low_label", q.LikertLowLabel), ("likert_high_label", q.LikertHighLabel),
            ("rich_text_toolbar_level", q.RichTextToolbarLevel),
            ("allowed_file_types", string.Concat(q.AllowedFileTypes)), ("allowed_mime_types", string.Concat(q.AllowedMimeTypes)));
        var json = TextRules.JsonErrors(("review_answer_value", q.ReviewAnswerValueJson), ("guidance_answer_value", q.GuidanceAnswerValueJson));
        return texts.Concat(json).SelectMany(e => e.Value.Select(message => (e.Key, message)));
    }

    private static void ValidateRange(QuestionDefinition q, Action<string, string> add)
    {
        if (q.MinValue is null && q.MaxValue is null) return;
        if (!RangeTypes.Contains(q.QuestionType))
            add(NonFieldErrors, "min_value and max_value can only be set for number, year and rating questions.");
        else if (q.MinValue > q.MaxValue)
            add(NonFieldErrors, "min_value must be less than or equal to max_value.");
    }

    private static void ValidateLikert(QuestionDefinition q, Action<string, string> add)
    {
        var isLikert = LikertTypes.Contains(q.QuestionType);
        var hasLikertFields = q.LikertScaleLength is not null || q.LikertLowLabel != "" || q.LikertHighLabel != "" || q.LikertAllowNa;
        if (!isLikert)
        {
            if (hasLikertFields) add(NonFieldErrors, "Likert settings can only be set for likert questions.");
            return;
        }
        if (q.LikertScaleLength is null)
            add("likert_scale_length", "This field is required for likert questions.");
        else if (!LikertScaleLengths.Contains(q.LikertScaleLength.Value))
            add("likert_scale_length", "Likert scale length must be 3, 5 or 7.");
    }

    private static void ValidateRichText(QuestionDefinition q, Action<string, string> add)
    {
        var hasRichTextFields = q.RichTextCharLimit is not null || q.RichTextToolbarLevel != RichTextToolbarLevels.Default;
        if (!RichTextTypes.Contains(q.QuestionType))
        {
            if (hasRichTextFields) add(NonFieldErrors, "Rich text settings can only be set for rich_text questions.");
            return;
        }
        if (q.RichTextCharLimit is <= 0) add("rich_text_char_limit", "Ensure this value is greater than 0.");
    }

    private static void ValidateFiles(QuestionDefinition q, Action<string, string> add)
    {
        var isFile = FileTypes.Contains(q.QuestionType);
        var hasFileFields = q.AllowedFileTypes.Count > 0 || q.AllowedMimeTypes.Count > 0 || q.MaxFileSizeMb is not null;
        if (!isFile && (hasFileFields || q.MaxFilesCount is not null))
        {
            add(NonFieldErrors, "File settings can only be set for file and multiple_files questions.");
            return;
        }
        if (q.MaxFilesCount is not null && !FileCountTypes.Contains(q.QuestionType))
            add(NonFieldErrors, "max_files_count can only be set for multiple_files questions.");
        foreach (var type in q.AllowedFileTypes.Where(t => !FileExtension().IsMatch(t)))
            add("allowed_file_types", $"'{type}' is not a file extension such as '.pdf'.");
        foreach (var type in q.AllowedMimeTypes.Where(t => !MimeType().IsMatch(t)))
            add("allowed_mime_types", $"'{type}' is not a MIME type such as 'application/pdf' or 'image/*'.");
        if (q.MaxFileSizeMb is <= 0) add("max_file_size_mb", "Ensure this value is greater than 0.");
        if (q.MaxFilesCount is <= 0) add("max_files_count", "Ensure this value is greater than 0.");
    }

    private static void ValidateOperatorPair(
        string? op, string? valueJson, string questionType, string opField, string valueField, Action<string, string> add)
    {
        if (op is null && valueJson is null) return;
        if (op is null || valueJson is null)
        {
            add(NonFieldErrors, $"{opField} and {valueField} must be set together.");
            return;
        }
        if (!Operators.IsKnown(op))
            add(opField, $"\"{op}\" is not a valid choice.");
        else if (!Operators.Suits(op, questionType))
            add(opField, $"Operator '{op}' is not supported for question type '{questionType}'.");
    }

    [GeneratedRegex(@"^\.[A-Za-z0-9]+$")]
    private static partial Regex FileExtension();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/(\*|[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*)$")]
    private static partial Regex MimeType();
}

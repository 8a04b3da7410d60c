using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>Overlays the question fields present in a request body on a question definition.</summary>
public static class QuestionFieldsReader
{
    public static QuestionDefinition Overlay(FieldReader body, QuestionDefinition q, bool descriptionRequired)
    {
        q = q with { Description = body.String("description", required: descriptionRequired, allowBlank: false) ?? q.Description };
        if (body.Has("question_type")) q = q with { QuestionType = body.Choice("question_type", QuestionTypes.All) ?? q.QuestionType };
        if (body.Has("required")) q = q with { Required = body.Bool("required") ?? q.Required };
        if (body.Has("order")) q = q with { Order = body.Int("order", min: 0) ?? q.Order };
        if (body.Has("user_guidance")) q = q with { UserGuidance = body.String("user_guidance", allowNull: true) };
        if (body.Has("always_show_guidance")) q = q with { AlwaysShowGuidance = body.Bool("always_show_guidance") ?? q.AlwaysShowGuidance };
        if (body.Has("guidance_answer_value")) q = q with { GuidanceAnswerValueJson = body.RawJson("guidance_answer_value") };
        if (body.Has("guidance_operator")) q = q with { GuidanceOperator = OperatorOrNone(body, "guidance_operator") };
        if (body.Has("operator")) q = q with { Operator = OperatorOrNone(body, "operator") };
        if (body.Has("review_answer_value")) q = q with { ReviewAnswerValueJson = body.RawJson("review_answer_value") };
        if (body.Has("always_requires_review"))
            q = q with { AlwaysRequiresReview = body.Bool("always_requires_review") ?? q.AlwaysRequiresReview };
        if (body.Has("min_value")) q = q with { MinValue = body.Decimal("min_value", maxDigits: 10, decimalPlaces: 4) };
        if (body.Has("max_value")) q = q with { MaxValue = body.Decimal("max_value", maxDigits: 10, decimalPlaces: 4) };
        if (body.Has("dependency_logic_operator"))
            q = q with { DependencyLogicOperator = body.Choice("dependency_logic_operator", ["and", "or"]) ?? q.DependencyLogicOperator };
        if (body.Has("allowed_file_types")) q = q with { AllowedFileTypes = body.StringList("allowed_file_types") ?? [] };
        if (body.Has("allowed_mime_types")) q = q with { AllowedMimeTypes = body.StringList("allowed_mime_types") ?? [] };
        if (body.Has("max_file_size_mb")) q = q with { MaxFileSizeMb = body.Int("max_file_size_mb", allowNull: true) };
        if (body.Has("max_files_count")) q = q with { MaxFilesCount = body.Int("max_files_count", allowNull: true) };
        if (body.Has("likert_scale_length")) q = q with { LikertScaleLength = body.Int("likert_scale_length", allowNull: true) };
        if (body.Has("likert_low_label")) q = q with { LikertLowLabel = body.String("likert_low_label", allowNull: true) ?? "" };
        if (body.Has("likert_high_label")) q = q with { LikertHighLabel = body.String("likert_high_label", allowNull: true) ?? "" };
        if (body.Has("likert_allow_na")) q = q with { LikertAllowNa = body.Bool("likert_allow_na") ?? q.LikertAllowNa };
        if (body.Has("rich_text_char_limit")) q = q with { RichTextCharLimit = body.Int("rich_text_char_limit", allowNull: true) };
        if (body.Has("rich_text_toolbar_level"))
            q = q with { RichTextToolbarLevel = ToolbarLevel(body) ?? q.RichTextToolbarLevel };
        return q;
    }

    /// <summary>An operator; null, or the blank Waldur's clients send for "none", clears it.</summary>
    private static string? OperatorOrNone(FieldReader body, string name)
    {
        var value = body.Choice(name, [.. Operators.All, ""], allowNull: true);
        return value == "" ? null : value;
    }

    /// <summary>A toolbar level; the blank Waldur's schema allows means the default.</summary>
    private static string? ToolbarLevel(FieldReader body)
    {
        var value = body.Choice("rich_text_toolbar_level", [.. RichTextToolbarLevels.All, ""]);
        return value == "" ? RichTextToolbarLevels.Default : value;
    }
}

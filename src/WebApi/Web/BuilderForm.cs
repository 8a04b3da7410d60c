using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceGrains.Checklists;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Web;

/// <summary>
/// The checklist builder's forms as bodies of the admin API, read by the API's own field readers, so that the builder
/// refuses exactly what the API refuses and with the same messages. Every question form sends every field: a field left
/// blank (or not on the form, when the chosen type has no use for it) is unset.
/// </summary>
public static class BuilderForm
{
    public const string Always = "always";
    public const string When = "when";

    public static FieldReader Checklist(IFormCollection form) => Body(new JsonObject
    {
        ["name"] = form["name"].ToString(),
        ["description"] = form["description"].ToString(),
        ["checklist_type"] = form["checklist_type"].ToString(),
    });

    public static FieldReader Option(IFormCollection form) => Body(new JsonObject { ["label"] = form["label"].ToString() });

    /// <param name="current">
    /// The question being edited, whose review and guidance conditions the form shows with controls of its type; null for
    /// a new one. A change of type clears the conditions (their values were entered for the old type); "every answer needs
    /// review" stays.
    /// </param>
    public static FieldReader Question(IFormCollection form, QuestionView? current)
    {
        var type = form["question_type"].ToString();
        var body = new JsonObject
        {
            ["description"] = form["description"].ToString(),
            ["question_type"] = type,
            ["required"] = Checked(form, "required"),
            ["user_guidance"] = OrNull(form, "user_guidance"),
            ["min_value"] = OrNull(form, "min_value"),
            ["max_value"] = OrNull(form, "max_value"),
            ["allowed_file_types"] = List(form, "allowed_file_types"),
            ["allowed_mime_types"] = List(form, "allowed_mime_types"),
            ["max_file_size_mb"] = OrNull(form, "max_file_size_mb"),
            ["max_files_count"] = OrNull(form, "max_files_count"),
            ["likert_scale_length"] = OrNull(form, "likert_scale_length"),
            ["likert_low_label"] = form["likert_low_label"].ToString(),
            ["likert_high_label"] = form["likert_high_label"].ToString(),
            ["likert_allow_na"] = Checked(form, "likert_allow_na"),
            ["rich_text_char_limit"] = OrNull(form, "rich_text_char_limit"),
        };
        if (form.ContainsKey("rich_text_toolbar_level")) body["rich_text_toolbar_level"] = form["rich_text_toolbar_level"].ToString();
        if (current is not null)
        {
            var sameType = current.Definition.QuestionType == type;
            if (form["review"] == Always) body["always_requires_review"] = true;
            if (form["review"] == When && sameType)
            {
                var op = OrNull(form, "operator");
                body["operator"] = op;
                body["review_answer_value"] = Parsed(ConditionValue.Json(current, op, form["review_value"]));
            }
            if (form["guidance"] == When && sameType)
            {
                var op = OrNull(form, "guidance_operator");
                body["always_show_guidance"] = false;
                body["guidance_operator"] = op;
                body["guidance_answer_value"] = Parsed(ConditionValue.Json(current, op, form["guidance_value"]));
            }
        }
        return Body(body);
    }

    /// <summary>A dependency of <paramref name="questionId"/> on the question chosen in the form.</summary>
    public static FieldReader Dependency(IFormCollection form, Guid questionId, QuestionView? dependsOn)
    {
        var op = OrNull(form, "operator");
        var body = new JsonObject
        {
            ["question"] = questionId.ToString("N"),
            ["depends_on_question"] = form["depends_on"].ToString(),
            ["operator"] = op,
        };
        // Without a value the API's reader says the field is required.
        if (dependsOn is not null && ConditionValue.Json(dependsOn, op, form["value"]) is { } value) body["required_answer_value"] = JsonNode.Parse(value);
        return Body(body);
    }

    private static FieldReader Body(JsonObject body) => new(JsonSerializer.SerializeToElement(body));

    private static bool Checked(IFormCollection form, string name) => form[name].Any(v => v is "true" or "on");

    private static string? OrNull(IFormCollection form, string name) =>
        form[name].ToString().Trim() is { Length: > 0 } text ? text : null;

    private static JsonArray List(IFormCollection form, string name) =>
        new(form[name].ToString().Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(t => (JsonNode?)t).ToArray());

    private static JsonNode? Parsed(string? json) => json is null ? null : JsonNode.Parse(json);
}

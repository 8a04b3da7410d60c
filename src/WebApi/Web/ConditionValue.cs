using System.Text.Json;
using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;
using Microsoft.Extensions.Primitives;

namespace ComplianceGrains.WebApi.Web;

/// <summary>
/// The value a condition compares answers with (a dependency's required answer, a review trigger, a guidance condition),
/// entered with a control of the compared question's type and written as the API's JSON value: an answer for
/// <c>equals</c> and <c>not_equals</c>, a list for <c>in</c> and <c>not_in</c>, text for <c>contains</c>. The grain
/// decides whether it is valid.
/// </summary>
public sealed record ConditionValue(QuestionView Question, string Name, string Label, string? ValueJson)
{
    public string Type => Question.Definition.QuestionType;

    public string DomId => $"{Name}-{Question.Id:N}";

    /// <summary>The values the control shows as chosen or typed.</summary>
    public IReadOnlyList<string> Values
    {
        get
        {
            if (ValueJson is null) return [];
            using var document = JsonDocument.Parse(ValueJson);
            var value = document.RootElement;
            return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(Plain).ToList() : [Plain(value)];
        }
    }

    /// <summary>The JSON value of what was entered; null when nothing was.</summary>
    public static string? Json(QuestionView question, string? op, StringValues entered)
    {
        var values = entered.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (values.Count == 0) return null;
        var type = question.Definition.QuestionType;
        if (op is Operators.In or Operators.NotIn)
        {
            var items = type is QuestionTypes.SingleSelect or QuestionTypes.MultiSelect or QuestionTypes.Country
                ? values
                : values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            return JsonSerializer.Serialize(items);
        }
        var single = values[0];
        return type switch
        {
            QuestionTypes.SingleSelect or QuestionTypes.MultiSelect => JsonSerializer.Serialize(values),
            QuestionTypes.Country when values.Count > 1 => JsonSerializer.Serialize(values),
            QuestionTypes.Boolean when single is "true" or "false" => single,
            QuestionTypes.Number or QuestionTypes.Year or QuestionTypes.Rating when op != Operators.Contains => AnswerForm.Number(single),
            QuestionTypes.Likert => single == "na" ? "\"na\"" : AnswerForm.Number(single),
            _ => JsonSerializer.Serialize(single),
        };
    }

    /// <summary>How a stored value reads on the page: option labels instead of their ids.</summary>
    public static string Describe(QuestionView question, string valueJson)
    {
        using var document = JsonDocument.Parse(valueJson);
        var value = document.RootElement;
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(Plain).ToList() : [Plain(value)];
        var labels = items.Select(item =>
            Guid.TryParse(item, out var id) && question.Options.FirstOrDefault(o => o.Id == id) is { } option ? option.Label
            : question.Definition.QuestionType == QuestionTypes.Boolean ? (item == "true" ? "Yes" : item == "false" ? "No" : item)
            : question.Definition.QuestionType == QuestionTypes.Likert && int.TryParse(item, out var point) ? (point + 1).ToString()
            : item);
        return string.Join(", ", labels);
    }

    private static string Plain(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}

using System.Text.Json;
using ComplianceGrains.Checklists;

namespace ComplianceGrains.WebApi.Web;

/// <summary>An answer written for people: option labels instead of ids, Yes/No, file names.</summary>
public static class AnswerText
{
    public static string Of(QuestionView question, string? answerJson)
    {
        if (answerJson is null) return "(removed)";
        using var document = JsonDocument.Parse(answerJson);
        var answer = document.RootElement;
        var labels = question.Options.ToDictionary(o => o.Id.ToString("N"), o => o.Label);
        return answer.ValueKind switch
        {
            JsonValueKind.True => "Yes",
            JsonValueKind.False => "No",
            JsonValueKind.String when question.Definition.QuestionType == QuestionTypes.Likert => "N/A",
            JsonValueKind.String when question.Definition.QuestionType == QuestionTypes.Country => Country(answer.GetString()!),
            JsonValueKind.String => answer.GetString()!,
            JsonValueKind.Number when question.Definition.QuestionType == QuestionTypes.Likert && answer.TryGetInt32(out var point) => $"{point + 1} of {question.Definition.LikertScaleLength}",
            JsonValueKind.Array => string.Join(", ", answer.EnumerateArray().Select(item => Item(item, labels))),
            JsonValueKind.Object => Item(answer, labels),
            _ => answer.GetRawText(),
        };
    }

    private static string Country(string code) =>
        CountryNames.All.FirstOrDefault(c => c.Code == code) is { Name: { } name } ? $"{name} ({code})" : code;

    private static string Item(JsonElement item, Dictionary<string, string> labels) => item.ValueKind switch
    {
        JsonValueKind.String when labels.TryGetValue(item.GetString()!.Replace("-", ""), out var label) => label,
        JsonValueKind.String => item.GetString()!,
        JsonValueKind.Object when item.TryGetProperty("name", out var name) => name.GetString() ?? "",
        _ => item.GetRawText(),
    };
}

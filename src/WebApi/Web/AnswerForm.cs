using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceGrains.Checklists;
using ComplianceGrains.Compliance;

namespace ComplianceGrains.WebApi.Web;

/// <summary>
/// Turns the checklist form into the items of a submission, shaped as <c>submit_answers/</c> items are: the grain
/// validates them. Every question on the form is named in <c>questions</c>; an empty field removes its answer, a file
/// question without a new file keeps its files unless asked to remove them. Hidden questions are not on the form.
/// </summary>
public static class AnswerForm
{
    public const string QuestionsField = "questions";

    public static string Field(Guid questionId) => $"q-{questionId:N}";

    public static string RemoveFilesField(Guid questionId) => $"remove-{questionId:N}";

    public static async Task<IReadOnlyList<(Guid Question, SubmittedAnswer Item)>> ReadAsync(IFormCollection form, IReadOnlyList<QuestionView> questions)
    {
        var byId = questions.ToDictionary(q => q.Id);
        var items = new List<(Guid, SubmittedAnswer)>();
        foreach (var text in form[QuestionsField].Distinct())
        {
            if (!Guid.TryParse(text, out var id) || !byId.TryGetValue(id, out var question)) continue;
            var answer = await AnswerAsync(form, question);
            if (answer is { } json) items.Add((id, new SubmittedAnswer(id, json, null)));
        }
        return items;
    }

    /// <summary>The answer JSON of one question, "null" to remove it, or null to leave it as it is.</summary>
    private static async Task<string?> AnswerAsync(IFormCollection form, QuestionView question)
    {
        var field = Field(question.Id);
        var values = form[field].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        var single = values.FirstOrDefault()?.Trim();
        return question.Definition.QuestionType switch
        {
            QuestionTypes.File or QuestionTypes.MultipleFiles => await FilesAsync(form, question),
            QuestionTypes.MultiSelect => values.Count == 0 ? "null" : JsonSerializer.Serialize(values),
            _ when string.IsNullOrEmpty(single) => "null",
            QuestionTypes.Boolean => single == "true" ? "true" : single == "false" ? "false" : JsonSerializer.Serialize(single),
            QuestionTypes.Number or QuestionTypes.Year or QuestionTypes.Rating => Number(single),
            QuestionTypes.Likert => single == "na" ? "\"na\"" : Number(single),
            QuestionTypes.SingleSelect => JsonSerializer.Serialize(new[] { single }),
            QuestionTypes.RichText or QuestionTypes.TextArea => JsonSerializer.Serialize(values[0]),
            _ => JsonSerializer.Serialize(single),
        };
    }

    /// <summary>A number as a JSON number when it reads as one; otherwise the text, which validation then refuses.</summary>
    public static string Number(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : JsonSerializer.Serialize(text);

    private static async Task<string?> FilesAsync(IFormCollection form, QuestionView question)
    {
        var files = form.Files.GetFiles(Field(question.Id)).Where(f => f.FileName.Length > 0).ToList();
        if (files.Count == 0) return form.ContainsKey(RemoveFilesField(question.Id)) ? "null" : null;
        var items = new JsonArray();
        foreach (var file in files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            items.Add(new JsonObject { ["name"] = file.FileName, ["content"] = Convert.ToBase64String(buffer.ToArray()) });
        }
        return question.Definition.QuestionType == QuestionTypes.File ? items[0]!.ToJsonString() : items.ToJsonString();
    }
}

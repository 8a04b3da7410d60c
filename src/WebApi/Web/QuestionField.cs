using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;

namespace ComplianceGrains.WebApi.Web;

/// <summary>One question as the form renders it: its definition, current answer, visibility, guidance and errors.</summary>
public sealed record QuestionField(QuestionView Question, JsonElement? Answer, bool Visible, bool GuidanceShown, IReadOnlyList<string> Errors)
{
    public Guid Id => Question.Id;

    public QuestionDefinition Definition => Question.Definition;

    public string Name => AnswerForm.Field(Question.Id);

    public string DomId => $"q{Question.Id:N}";

    public string? Text => Answer is { ValueKind: JsonValueKind.String } a ? a.GetString() : Answer?.GetRawText();

    /// <summary>The chosen values: option ids of selections, the value of radios.</summary>
    public IReadOnlySet<string> Chosen => Answer switch
    {
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Select(Plain).ToHashSet(),
        { } a => new HashSet<string> { Plain(a) },
        null => new HashSet<string>(),
    };

    /// <summary>A stored datetime as <c>datetime-local</c> shows it.</summary>
    public string? LocalDateTime =>
        Text is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (text.Length > 19 && (text.EndsWith('Z') || text[^6] is '+' or '-') ? at.UtcDateTime : at.DateTime).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
            : Text;

    public IReadOnlyList<StoredFileLink> Files => Answer switch
    {
        { ValueKind: JsonValueKind.Object } a => [StoredFileLink.From(a)],
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object).Select(StoredFileLink.From).ToList(),
        _ => [],
    };

    /// <summary>What the browser needs to show and hide the question as answers change; the server decides again on submit.</summary>
    public string DependenciesJson => new JsonArray(Question.Dependencies.Select(d => (JsonNode)new JsonObject
    {
        ["on"] = d.DependsOnQuestionId.ToString("N"),
        ["op"] = d.Operator,
        ["value"] = JsonNode.Parse(d.RequiredAnswerValueJson),
    }).ToArray()).ToJsonString();

    public string? GuidanceConditionJson => Definition is { AlwaysShowGuidance: false, GuidanceOperator: { } op, GuidanceAnswerValueJson: { } value }
        ? new JsonObject { ["op"] = op, ["value"] = JsonNode.Parse(value) }.ToJsonString()
        : null;

    public string Accept => string.Join(",", Definition.AllowedFileTypes.Concat(Definition.AllowedMimeTypes));

    public static QuestionField Create(QuestionView question, JsonElement? answer, bool visible, IReadOnlyList<string> errors) =>
        new(question, answer, visible, GuidanceRule.Shown(question.Definition, answer) is not null, errors);

    private static string Plain(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}

/// <summary>A stored file of an answer: <c>{name, size, mime_type, stored_file_id}</c>.</summary>
public sealed record StoredFileLink(string Name, long Size, string StoredFileId)
{
    public static StoredFileLink From(JsonElement file) => new(
        file.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "",
        file.TryGetProperty("size", out var size) && size.TryGetInt64(out var bytes) ? bytes : 0,
        file.TryGetProperty("stored_file_id", out var id) ? id.GetString() ?? "" : "");
}

using System.Text.Json;
using ComplianceGrains.Compliance;
using ComplianceGrains.Errors;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>
/// Reads a submit_answers/ body: a JSON array of <c>{"question_uuid", "answer_data"}</c>. Errors in an item's
/// shape travel with the item, so the response can align every error with its item.
/// </summary>
public static class SubmissionParser
{
    public static IReadOnlyList<SubmittedAnswer> Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Array)
            throw ValidationException.NonField($"Expected a list of items but got type \"{JsonBody.PythonTypeName(body)}\".");
        return body.EnumerateArray().Select(ParseItem).ToList();
    }

    private static SubmittedAnswer ParseItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
            return Invalid(new() { [ValidationException.NonFieldErrors] = [$"Invalid data. Expected a dictionary, but got {JsonBody.PythonTypeName(item)}."] });
        // Allocated for a malformed item only.
        Dictionary<string, string[]>? errors = null;
        Guid? questionId = null;
        if (!item.TryGetProperty("question_uuid", out var id) || id.ValueKind == JsonValueKind.Null)
            (errors ??= [])["question_uuid"] = [id.ValueKind == JsonValueKind.Null ? "This field may not be null." : "This field is required."];
        else if (id.ValueKind == JsonValueKind.String && ApiJson.TryParseUuid(id.GetString(), out var parsed))
            questionId = parsed;
        else
            (errors ??= [])["question_uuid"] = ["Must be a valid UUID."];
        if (!item.TryGetProperty("answer_data", out var answer))
            (errors ??= [])["answer_data"] = ["This field is required."];
        return errors is not null ? Invalid(errors) : new SubmittedAnswer(questionId, answer.GetRawText(), null);
    }

    private static SubmittedAnswer Invalid(Dictionary<string, string[]> errors) => new(null, null, errors);
}

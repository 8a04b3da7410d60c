using System.Text.Json;
using ComplianceGrains.Domain;
using ComplianceGrains.Errors;

namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>
/// Applies <see cref="TextRules"/> to every string of a request body, object keys included, and names the field that
/// holds a bad one: <c>{"field": ["Invalid Unicode text."]}</c> for an object body, one entry per item for an array body
/// (the shape of submit_answers/ errors). A string that is not valid Unicode cannot even be read as a .NET string.
/// </summary>
public static class JsonTextCheck
{
    public static void ThrowIfInvalid(JsonElement body)
    {
        // Almost every body is valid: one scan without allocations, the error shapes only for a refused one.
        if (Problem(body) is null) return;
        switch (body.ValueKind)
        {
            case JsonValueKind.Object when FieldErrors(body) is { Count: > 0 } errors:
                throw new ValidationException(errors);
            case JsonValueKind.Array when body.EnumerateArray().Select(ItemErrors).ToList() is var items && items.Any(i => i.Count > 0):
                throw new ItemErrorsException(items);
            case JsonValueKind.String when Problem(body) is { } problem:
                throw ValidationException.NonField(problem);
        }
    }

    private static Dictionary<string, string[]> FieldErrors(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var property in body.EnumerateObject())
        {
            if (NameProblem(property) is { } nameProblem) errors[ValidationException.NonFieldErrors] = [nameProblem];
            else if (Problem(property.Value) is { } problem) errors[property.Name] = [problem];
        }
        return errors;
    }

    private static IReadOnlyDictionary<string, string[]> ItemErrors(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object
            ? FieldErrors(item)
            : Problem(item) is { } problem ? new Dictionary<string, string[]> { [ValidationException.NonFieldErrors] = [problem] } : NoErrors;

    private static readonly Dictionary<string, string[]> NoErrors = [];

    /// <summary>The problem of the first bad string in the value; null when every string is valid.</summary>
    private static string? Problem(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return StringProblem(value);
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    if (Problem(item) is { } itemProblem) return itemProblem;
                return null;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                    if ((NameProblem(property) ?? Problem(property.Value)) is { } propertyProblem) return propertyProblem;
                return null;
            default:
                return null;
        }
    }

    private static string? NameProblem(JsonProperty property) => Read(property, static p => p.Name);

    private static string? StringProblem(JsonElement value) => Read(value, static v => v.GetString());

    /// <summary>
    /// Reading a string that is not valid UTF-8 or holds an unpaired surrogate escape throws. The reader is static and
    /// its subject an argument, so that checking a body's strings allocates no delegate per string.
    /// </summary>
    private static string? Read<T>(T subject, Func<T, string?> text)
    {
        try
        {
            return TextRules.Problem(text(subject));
        }
        catch (InvalidOperationException)
        {
            return TextRules.InvalidUnicode;
        }
    }
}

/// <summary>A refused array body: one error entry per item, empty for valid items (400).</summary>
public sealed class ItemErrorsException(IReadOnlyList<IReadOnlyDictionary<string, string[]>> items) : Exception("Invalid items.")
{
    public IReadOnlyList<IReadOnlyDictionary<string, string[]>> Items { get; } = items;
}

using System.Text;
using System.Text.Json;

namespace ComplianceGrains.Domain;

/// <summary>
/// The one text rule of the system: text is valid Unicode (no unpaired surrogate) and holds no NUL character, because
/// PostgreSQL refuses both in <c>text</c> and <c>jsonb</c> columns and JSON readers refuse unpaired surrogates. The front
/// end applies it to every request; grains apply it again to everything they store, and repair what was stored before.
/// </summary>
public static class TextRules
{
    public const string InvalidUnicode = "Invalid Unicode text.";

    public const string NullCharacter = "Null characters are not allowed.";

    /// <summary>Stands for a stored JSON value that broke the rule; it is itself a JSON string that says so.</summary>
    public const string PlaceholderJson = "\"[invalid text removed]\"";

    /// <summary>The error message for a text that breaks the rule; null when the text is valid.</summary>
    public static string? Problem(string? text)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return NullCharacter;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) return InvalidUnicode;
        }
        return null;
    }

    /// <summary>The rule applied to every string of a JSON text, object keys included; null when all are valid.</summary>
    public static string? JsonProblem(string? json)
    {
        if (json is null) return null;
        // An unpaired surrogate written as a character (not as an escape) would be replaced while encoding the text.
        if (Problem(json) is { } raw) return raw;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 256 });
            while (reader.Read())
            {
                // A string copied from the checked text keeps the rule; only an escape can spell a NUL or a lone surrogate.
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped
                    && Problem(reader.GetString()) is { } problem)
                    return problem;
            }
            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return InvalidUnicode;
        }
    }

    /// <summary>The field errors of the named texts that break the rule; empty when all are valid.</summary>
    public static Dictionary<string, string[]> Errors(params (string Field, string? Text)[] texts) =>
        Collect(texts.Select(t => (t.Field, Problem(t.Text))));

    /// <summary>The field errors of the named JSON texts any string of which breaks the rule; empty when all are valid.</summary>
    public static Dictionary<string, string[]> JsonErrors(params (string Field, string? Json)[] values) =>
        Collect(values.Select(v => (v.Field, JsonProblem(v.Json))));

    /// <summary>The text with every character that breaks the rule replaced by U+FFFD, the Unicode replacement character.</summary>
    public static string Repair(string text)
    {
        if (Problem(text) is null) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return builder.ToString();
    }

    /// <summary>The JSON text itself when it keeps the rule, otherwise <see cref="PlaceholderJson"/>.</summary>
    public static string RepairJson(string json) => JsonProblem(json) is null ? json : PlaceholderJson;

    /// <summary>Each field with its distinct problems, fields and problems in the order found.</summary>
    private static Dictionary<string, string[]> Collect(IEnumerable<(string Field, string? Problem)> checks)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, problem) in checks)
        {
            if (problem is null) continue;
            if (!errors.TryGetValue(field, out var known)) errors[field] = [problem];
            else if (!known.Contains(problem)) errors[field] = [.. known, problem];
        }
        return errors;
    }
}

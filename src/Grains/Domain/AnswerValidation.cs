using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplianceGrains.Checklists;

namespace ComplianceGrains.Domain;

/// <summary>
/// Whether an answer is valid for a question (BEHAVIOUR.md §1). A valid answer is returned as the JSON text to
/// store (normalised where the rules say so); an invalid one as null.
/// </summary>
public static partial class AnswerValidation
{
    public static string? Normalise(QuestionView question, JsonElement value)
    {
        var q = question.Definition;
        return q.QuestionType switch
        {
            QuestionTypes.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? Raw(value) : null,
            QuestionTypes.TextInput or QuestionTypes.TextArea => value.ValueKind == JsonValueKind.String ? Raw(value) : null,
            QuestionTypes.RichText => RichText(q, value),
            QuestionTypes.Number => IsNumberInRange(q, value, integerOnly: false) ? Raw(value) : null,
            QuestionTypes.Year or QuestionTypes.Rating => IsNumberInRange(q, value, integerOnly: true) ? Raw(value) : null,
            QuestionTypes.SingleSelect => IsSelection(question, value, single: true) ? Raw(value) : null,
            QuestionTypes.MultiSelect => IsSelection(question, value, single: false) ? Raw(value) : null,
            QuestionTypes.Date => StringMatching(value, IsDate) ? Raw(value) : null,
            QuestionTypes.DateTime => StringMatching(value, IsDateTime) ? Raw(value) : null,
            QuestionTypes.Email => StringMatching(value, IsEmail) ? Raw(value) : null,
            QuestionTypes.Url => StringMatching(value, IsHttpUrl) ? Raw(value) : null,
            QuestionTypes.PhoneNumber => StringMatching(value, IsPhoneNumber) ? Raw(value) : null,
            QuestionTypes.Country => StringMatching(value, IsCountry) ? JsonSerializer.Serialize(value.GetString()!.ToUpperInvariant()) : null,
            QuestionTypes.Likert => IsLikert(q, value) ? Raw(value) : null,
            _ => null,
        };
    }

    private static string Raw(JsonElement value) => value.GetRawText();

    private static bool StringMatching(JsonElement value, Func<string, bool> rule) =>
        value.ValueKind == JsonValueKind.String && rule(value.GetString()!);

    /// <summary>The sanitised HTML, when it is a string within the character limit (counted as stored).</summary>
    private static string? RichText(QuestionDefinition q, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) return null;
        var text = value.GetString()!;
        // Text without markup is kept byte for byte; markup is sanitised, and the limit applies to what is stored.
        var sanitised = text.Contains('<') ? RichTextSanitiser.Sanitise(q, text) : text;
        if (q.RichTextCharLimit is { } limit && CodePoints(sanitised) > limit) return null;
        return ReferenceEquals(sanitised, text) ? Raw(value) : JsonSerializer.Serialize(sanitised);
    }

    private static int CodePoints(string text) => text.EnumerateRunes().Count();

    private static bool IsNumberInRange(QuestionDefinition q, JsonElement value, bool integerOnly)
    {
        decimal? number = value.ValueKind switch
        {
            JsonValueKind.Number => integerOnly
                ? (value.TryGetInt64(out var i) ? i : null)
                : (value.TryGetDecimal(out var d) ? d : null),
            JsonValueKind.String => ParseNumericString(value.GetString()!, integerOnly),
            _ => null,
        };
        return number is { } n && (q.MinValue is not { } min || n >= min) && (q.MaxValue is not { } max || n <= max);
    }

    private static decimal? ParseNumericString(string text, bool integerOnly)
    {
        if (integerOnly)
            return IntegerString().IsMatch(text) && long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                ? i : null;
        return DecimalString().IsMatch(text)
            && decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static bool IsSelection(QuestionView question, JsonElement value, bool single)
    {
        if (value.ValueKind != JsonValueKind.Array) return false;
        var items = value.EnumerateArray().ToList();
        if (single && items.Count != 1) return false;
        var options = question.Options.Select(o => o.Id).ToHashSet();
        var chosen = new HashSet<Guid>();
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.String || !TryParseUuid(item.GetString(), out var id)) return false;
            if (!options.Contains(id) || !chosen.Add(id)) return false;
        }
        return true;
    }

    private static bool TryParseUuid(string? text, out Guid id) =>
        Guid.TryParseExact(text, "N", out id) || Guid.TryParseExact(text, "D", out id);

    private static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsDateTime(string text) =>
        IsDate(text)
        || (IsoDateTime().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));

    private static bool IsEmail(string text)
    {
        var parts = text.Split('@');
        if (parts.Length != 2 || parts[0].Length == 0 || text.Any(char.IsWhiteSpace)) return false;
        var labels = parts[1].Split('.');
        return labels.Length >= 2 && labels.All(label => label.Length > 0);
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0
        && !text.Any(char.IsWhiteSpace);

    private static bool IsPhoneNumber(string text)
    {
        if (!PhoneCharacters().IsMatch(text)) return false;
        var digits = text.Count(char.IsAsciiDigit);
        return digits is >= 5 and <= 20;
    }

    private static bool IsCountry(string text) => text.Length == 2 && CountryCodes.IsAssigned(text);

    private static bool IsLikert(QuestionDefinition q, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String) return q.LikertAllowNa && value.GetString() == "na";
        return value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var point)
            && !value.GetRawText().Contains('.')
            && point >= 0 && point < (q.LikertScaleLength ?? 0);
    }

    [GeneratedRegex(@"^\s*[+-]?\d+\s*$")]
    private static partial Regex IntegerString();

    [GeneratedRegex(@"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$")]
    private static partial Regex DecimalString();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex IsoDateTime();

    [GeneratedRegex(@"^[0-9 +\-().]+$")]
    private static partial Regex PhoneCharacters();
}

using System.Globalization;
using ComplianceGrains.Errors;

namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>Query-string filters: a malformed UUID or boolean is a 400 field error.</summary>
public static class QueryFilters
{
    public static Guid? Uuid(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (text == "") return null;
        return ApiJson.TryParseUuid(text, out var id) ? id : throw ValidationException.Field(name, "Must be a valid UUID.");
    }

    public static bool? Bool(HttpRequest request, string name) => request.Query[name].ToString() switch
    {
        "" => null,
        "true" or "True" or "1" => true,
        "false" or "False" or "0" => false,
        _ => throw ValidationException.Field(name, "Must be a valid boolean."),
    };

    /// <summary>One of a fixed set of values; another value is a 400 field error, as django-filter's ChoiceFilter answers.</summary>
    public static string? Choice(HttpRequest request, string name, IReadOnlyCollection<string> choices)
    {
        var value = Text(request, name);
        if (value is null || choices.Contains(value)) return value;
        throw ValidationException.Field(name, $"Select a valid choice. {value} is not one of the available choices.");
    }

    /// <summary>An ISO 8601 instant; one without an offset is taken as UTC.</summary>
    public static DateTime? Instant(HttpRequest request, string name)
    {
        if (Text(request, name) is not { } text) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.UtcDateTime
            : throw ValidationException.Field(name, "Enter a valid date/time.");
    }

    public static string? Text(HttpRequest request, string name) =>
        request.Query[name].ToString() is { Length: > 0 } text ? text : null;
}

using ComplianceGrains.Errors;

namespace ComplianceGrains.WebApi.Web;

/// <summary>
/// A refused write's messages, by the API's field names, for the page to show next to each field; the messages that
/// name no field of the form (<c>non_field_errors</c>, a general refusal) are shown above it.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string[]> _errors;

    private FormErrors(Dictionary<string, string[]> errors, string? detail)
    {
        _errors = errors;
        Detail = detail;
    }

    public static readonly FormErrors None = new([], null);

    public static FormErrors From(ValidationException e) => new(new Dictionary<string, string[]>(e.Errors), e.Detail);

    public string? Detail { get; }

    /// <summary>The messages of one field, shown next to it.</summary>
    public FieldMessages Field(string field) =>
        new($"{field}-errors", _errors.TryGetValue(field, out var messages) ? messages : [], General: false);

    /// <summary>Messages of fields the form does not show, with the general ones, shown above the form.</summary>
    public FieldMessages General(IReadOnlyCollection<string> shownFields) => new(
        "form-errors",
        (Detail is null ? [] : new[] { Detail }).Concat(_errors.Where(e => !shownFields.Contains(e.Key)).SelectMany(e => e.Value)).ToList(),
        General: true);
}

/// <summary>Messages rendered in one list; <see cref="Id"/> is what the field's <c>aria-describedby</c> names.</summary>
public sealed record FieldMessages(string Id, IReadOnlyList<string> Messages, bool General);

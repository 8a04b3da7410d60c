namespace ComplianceGrains.Errors;

/// <summary>
/// Bad input (400). Either field errors (<c>{"field": ["message"]}</c>) or, when
/// <see cref="Detail"/> is set, a general error (<c>{"detail": "..."}</c>).
/// </summary>
[GenerateSerializer]
public sealed class ValidationException : Exception
{
    public const string NonFieldErrors = "non_field_errors";

    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
    {
        Errors = new Dictionary<string, string[]>(errors);
    }

    private ValidationException(string detail) : base(detail)
    {
        Detail = detail;
        Errors = new Dictionary<string, string[]>();
    }

    [Id(0)] public Dictionary<string, string[]> Errors { get; init; }

    [Id(1)] public string? Detail { get; init; }

    public static ValidationException Field(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationException NonField(string message) => Field(NonFieldErrors, message);

    public static ValidationException General(string detail) => new(detail);
}

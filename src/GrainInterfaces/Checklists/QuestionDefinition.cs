namespace ComplianceGrains.Checklists;

/// <summary>
/// The admin-editable fields of a question (API.md §2). JSON values (review and guidance answer values)
/// travel as raw JSON text so that any JSON value, <c>false</c> and <c>""</c> included, is kept exactly.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record QuestionDefinition
{
    [Id(0)] public string Description { get; init; } = "";
    [Id(1)] public string QuestionType { get; init; } = QuestionTypes.Boolean;
    [Id(2)] public bool Required { get; init; }
    [Id(3)] public int Order { get; init; }
    [Id(4)] public string? UserGuidance { get; init; }
    [Id(5)] public bool AlwaysShowGuidance { get; init; } = true;
    [Id(6)] public string? GuidanceAnswerValueJson { get; init; }
    [Id(7)] public string? GuidanceOperator { get; init; }
    [Id(8)] public string? Operator { get; init; }
    [Id(9)] public string? ReviewAnswerValueJson { get; init; }
    [Id(10)] public bool AlwaysRequiresReview { get; init; }
    [Id(11)] public decimal? MinValue { get; init; }
    [Id(12)] public decimal? MaxValue { get; init; }
    [Id(13)] public string DependencyLogicOperator { get; init; } = "and";
    [Id(14)] public IReadOnlyList<string> AllowedFileTypes { get; init; } = [];
    [Id(15)] public IReadOnlyList<string> AllowedMimeTypes { get; init; } = [];
    [Id(16)] public int? MaxFileSizeMb { get; init; }
    [Id(17)] public int? MaxFilesCount { get; init; }
    [Id(18)] public int? LikertScaleLength { get; init; }
    [Id(19)] public string LikertLowLabel { get; init; } = "";
    [Id(20)] public string LikertHighLabel { get; init; } = "";
    [Id(21)] public bool LikertAllowNa { get; init; }
    [Id(22)] public int? RichTextCharLimit { get; init; }
    [Id(23)] public string RichTextToolbarLevel { get; init; } = "standard";
}

public static class QuestionTypes
{
    public const string TextInput = "text_input";
    public const string TextArea = "text_area";
    public const string Boolean = "boolean";
    public const string Number = "number";
    public const string SingleSelect = "single_select";
    public const string MultiSelect = "multi_select";
    public const string Date = "date";
    public const string DateTime = "datetime";
    public const string Year = "year";
    public const string Rating = "rating";
    public const string Email = "email";
    public const string PhoneNumber = "phone_number";
    public const string Url = "url";
    public const string Country = "country";
    public const string Likert = "likert";
    public const string RichText = "rich_text";
    public const string File = "file";
    public const string MultipleFiles = "multiple_files";

    public static readonly IReadOnlyList<string> All =
    [
        TextInput, TextArea, Boolean, Number, SingleSelect, MultiSelect, Date, DateTime, Year, Rating,
        Email, PhoneNumber, Url, Country, Likert, RichText, File, MultipleFiles,
    ];
}

public static class ChecklistTypes
{
    public const string OfferingCompliance = "offering_compliance";
    public const string OnboardingCustomer = "onboarding_customer";
    public const string OnboardingIntent = "onboarding_intent";

    public static readonly IReadOnlyList<string> All =
    [
        "project_compliance", "proposal_compliance", OfferingCompliance, "project_metadata", OnboardingCustomer, OnboardingIntent,
        "workflow_step",
    ];
}

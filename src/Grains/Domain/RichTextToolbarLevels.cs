namespace ComplianceGrains.Domain;

/// <summary>Waldur's toolbar levels of the rich-text editor, and the names this service stored before it used them.</summary>
public static class RichTextToolbarLevels
{
    public const string Default = "standard";

    public static readonly IReadOnlyList<string> All = ["minimal", Default, "extended"];

    /// <summary>The current name of a stored level: <c>basic</c> became <c>minimal</c>, <c>full</c> became <c>extended</c>.</summary>
    public static string Current(string stored) => stored switch
    {
        "basic" => "minimal",
        "full" => "extended",
        _ => stored,
    };
}

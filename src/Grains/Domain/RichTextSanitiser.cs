using ComplianceGrains.Checklists;
using Ganss.Xss;

namespace ComplianceGrains.Domain;

/// <summary>
/// The HTML a rich-text answer may keep: the elements of its question's toolbar level (UI.md) and safe links; every
/// other element, attribute and script is removed before the answer is stored.
/// </summary>
public static class RichTextSanitiser
{
    private static readonly string[] Minimal = ["p", "br", "div", "span", "b", "strong", "i", "em", "a"];
    private static readonly string[] Standard = [.. Minimal, "ul", "ol", "li", "h2", "h3", "h4"];
    private static readonly string[] Extended = [.. Standard, "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td"];

    private static readonly HtmlSanitizer MinimalSanitiser = Create(Minimal);
    private static readonly HtmlSanitizer ExtendedSanitiser = Create(Extended);

    // The lowest and highest levels have had two names each (basic/minimal, full/extended).
    private static readonly Dictionary<string, HtmlSanitizer> ByLevel = new()
    {
        ["minimal"] = MinimalSanitiser,
        ["basic"] = MinimalSanitiser,
        ["standard"] = Create(Standard),
        ["extended"] = ExtendedSanitiser,
        ["full"] = ExtendedSanitiser,
    };

    public static string Sanitise(QuestionDefinition question, string html) =>
        (ByLevel.GetValueOrDefault(question.RichTextToolbarLevel) ?? ByLevel["standard"]).Sanitize(html);

    private static HtmlSanitizer Create(string[] tags)
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        };
        return new HtmlSanitizer(options) { KeepChildNodes = true };
    }
}

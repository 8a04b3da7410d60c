using System.Globalization;
using System.Text.Encodings.Web;
using ComplianceGrains.Compliance;
using Microsoft.AspNetCore.Html;

namespace ComplianceGrains.WebApi.Web;

/// <summary>
/// The small pieces of markup a table repeats on every row (status badge, progress bar, due date): written directly,
/// because a partial view per cell costs a view context each, and a page of 50 rows renders 150 of them.
/// </summary>
public static class PageBadges
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static IHtmlContent Status(string status) =>
        new HtmlString($"<span class=\"badge badge-{Encoder.Encode(status)}\">{Encoder.Encode(PageText.Status(status))}</span>");

    public static IHtmlContent Progress(double percentage)
    {
        var percent = Math.Clamp(percentage, 0, 100).ToString("0.#", CultureInfo.InvariantCulture);
        var shown = percentage.ToString("0.#", CultureInfo.InvariantCulture);
        return new HtmlString(
            $"<span class=\"progress\" role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\"{percent}\" aria-label=\"Progress\">" +
            $"<span class=\"bar\" style=\"width: {percent}%\"></span></span> <span class=\"percent\">{shown} %</span>");
    }

    /// <summary>The due date, the expiry (unless already expired) and the badges of <see cref="CompletionDeadline"/> at <paramref name="now"/>.</summary>
    public static IHtmlContent Deadline(CompletionStatus? completion, TimeProvider clock)
    {
        var deadline = CompletionDeadline.Of(completion, clock.GetUtcNow().UtcDateTime);
        var html = new HtmlContentBuilder();
        if (deadline.DueDate is { } due) html.AppendHtml(Dated("Due", due));
        if (deadline.ExpiresAt is { } expires && !deadline.Badges.Contains(CompletionDeadline.Expired)) html.AppendHtml(Dated("Expires", expires));
        foreach (var badge in deadline.Badges) html.AppendHtml(Status(badge));
        return html;
    }

    private static string Dated(string label, DateTime value) =>
        $"<span class=\"due\">{label} <time datetime=\"{PageText.Instant(value)}\">{PageText.Date(value)}</time></span> ";
}

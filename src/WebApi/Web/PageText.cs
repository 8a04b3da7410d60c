using System.Globalization;

namespace ComplianceGrains.WebApi.Web;

/// <summary>How the pages write statuses, numbers and times.</summary>
public static class PageText
{
    public static string Status(string status) => status switch
    {
        "no_checklist" => "no checklist",
        "needs_review" => "needs review",
        _ => status.Replace('_', ' '),
    };

    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";

    public static string Date(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC, for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Instant(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Time(DateTime? value) =>
        value is { } time ? DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";
}

using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;

namespace ComplianceGrains.WebApi.Web;

/// <summary>
/// What the pages show of a completion's due date and expiry at one instant: the dates and the badges that apply
/// ("expired", "overdue"). The rules are <see cref="ComplianceDeadlines"/>', applied to the stored dates, so a row read
/// from the projection shows what its grain would say now.
/// </summary>
public sealed record CompletionDeadline(DateTime? DueDate, DateTime? ExpiresAt, IReadOnlyList<string> Badges)
{
    public const string Overdue = "overdue";
    public const string Expired = "expired";

    public static readonly CompletionDeadline None = new(null, null, []);

    public bool IsShown => DueDate is not null || ExpiresAt is not null;

    public static CompletionDeadline Of(CompletionStatus? completion, DateTime now)
    {
        if (completion is null) return None;
        var badges = new List<string>();
        if (ComplianceDeadlines.IsExpiredAt(completion.ExpiresAt, now)) badges.Add(Expired);
        if (ComplianceDeadlines.IsOverdueAt(completion.IsCompleted, completion.DueDate, completion.ExpiresAt, now)) badges.Add(Overdue);
        return new CompletionDeadline(completion.DueDate, completion.ExpiresAt, badges);
    }
}

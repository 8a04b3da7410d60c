using ComplianceGrains.Compliance;

namespace ComplianceGrains.Domain;

/// <summary>Where a completion stands against its offering's policy at one instant (BEHAVIOUR.md §10).</summary>
public sealed record Deadlines(DateTime? DueDate, bool IsOverdue, DateTime? AttestedAt, DateTime? ExpiresAt, bool IsExpired, bool IsCompleted)
{
    /// <summary>Nothing due, nothing expiring: a completion without a policy.</summary>
    public static Deadlines Unbounded(bool isCompleted) => new(null, false, null, null, false, isCompleted);
}

/// <summary>Due dates, overdue, expiry and gating, computed from the policy and the clock, never stored.</summary>
public static class ComplianceDeadlines
{
    /// <summary>
    /// <paramref name="assignedAt"/> is when the offering user got the checklist; <paramref name="attestedAt"/> the last
    /// time its answers were confirmed complete. An expired attestation counts as not completed, and the next due date
    /// is the expiry plus the due days.
    /// </summary>
    public static Deadlines Evaluate(CompliancePolicy policy, DateTime assignedAt, bool answersComplete, DateTime? attestedAt, DateTime now)
    {
        var expiresAt = policy.ReattestDays is { } reattest && answersComplete && attestedAt is { } attested
            ? attested.AddDays(reattest)
            : (DateTime?)null;
        var isExpired = IsExpiredAt(expiresAt, now);
        var isCompleted = answersComplete && !isExpired;
        var dueDate = policy.DueDays is { } due ? (expiresAt ?? assignedAt).AddDays(due) : (DateTime?)null;
        var isOverdue = !isCompleted && dueDate is { } dueAt && now > dueAt;
        return new Deadlines(dueDate, isOverdue, policy.ReattestDays is null ? null : attestedAt, expiresAt, isExpired, isCompleted);
    }

    /// <summary>
    /// Whether the offering user is restricted: with <c>restrict_until_compliant</c> exactly while its current
    /// completion is not completed (incomplete, overdue or expired); otherwise what was set by hand.
    /// </summary>
    public static bool IsRestricted(CompliancePolicy policy, Deadlines? current, bool setByHand) =>
        policy.RestrictUntilCompliant && current is not null ? !current.IsCompleted : setByHand;

    /// <summary>
    /// Whether a completion counted as <paramref name="storedCompleted"/> when it was last published is overdue at
    /// <paramref name="now"/>: an attestation that has expired since no longer counts as completed.
    /// </summary>
    public static bool IsOverdueAt(bool storedCompleted, DateTime? dueDate, DateTime? expiresAt, DateTime now) =>
        !IsCompletedAt(storedCompleted, expiresAt, now) && dueDate is { } due && now > due;

    public static bool IsCompletedAt(bool storedCompleted, DateTime? expiresAt, DateTime now) =>
        storedCompleted && !IsExpiredAt(expiresAt, now);

    public static bool IsExpiredAt(DateTime? expiresAt, DateTime now) => expiresAt is { } expiry && now >= expiry;

    /// <summary>True when the completion expires within <paramref name="window"/> from now and has not yet.</summary>
    public static bool IsExpiring(DateTime? expiresAt, DateTime now, TimeSpan window) =>
        expiresAt is { } expiry && expiry > now && expiry <= now + window;
}

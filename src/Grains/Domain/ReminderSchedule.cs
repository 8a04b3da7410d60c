using ComplianceGrains.Compliance;

namespace ComplianceGrains.Domain;

/// <summary>
/// When an offering user is owed a reminder (BEHAVIOUR.md §12): on each of the policy's days before the due date,
/// then every N days while overdue, at most <c>max_reminders</c> times per due date.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>
    /// The scheduled reminder instant that is owed now, or null. <paramref name="lastSentFor"/> is the scheduled
    /// instant of the last reminder sent for this due date, so a reminder is sent once per scheduled day however
    /// often the sweep runs; <paramref name="sentForDueDate"/> counts the reminders sent for this due date.
    /// </summary>
    public static DateTime? Owed(CompliancePolicy policy, Deadlines deadlines, DateTime now, DateTime? lastSentFor, int sentForDueDate)
    {
        if (deadlines.IsCompleted || deadlines.DueDate is not { } due) return null;
        if (policy.MaxReminders is { } max && sentForDueDate >= max) return null;
        var latest = LatestScheduled(policy, due, now);
        return latest is { } scheduled && (lastSentFor is null || lastSentFor < scheduled) ? scheduled : null;
    }

    private static DateTime? LatestScheduled(CompliancePolicy policy, DateTime due, DateTime now)
    {
        if (now > due)
        {
            if (policy.ReminderEveryDaysOverdue is not { } every) return LatestBeforeDue(policy, due, now);
            var periods = (long)Math.Floor((now - due).TotalDays / every);
            return due.AddDays(periods * (double)every);
        }
        return LatestBeforeDue(policy, due, now);
    }

    private static DateTime? LatestBeforeDue(CompliancePolicy policy, DateTime due, DateTime now)
    {
        DateTime? latest = null;
        foreach (var days in policy.ReminderDaysBeforeDue)
        {
            var at = due.AddDays(-days);
            if (at <= now && (latest is null || at > latest)) latest = at;
        }
        return latest;
    }
}

using ComplianceGrains.Compliance;

namespace ComplianceGrains.Domain;

/// <summary>Which completion events a stored change causes (BEHAVIOUR.md §11).</summary>
public static class CompletionTransitions
{
    /// <summary>
    /// The events between how a completion counted when last stored and how it counts now: completed (incomplete →
    /// complete), expired (complete → incomplete because the attestation expired), reopened (complete → incomplete for
    /// any other cause) and overdue (the due date passed while not completed).
    /// </summary>
    public static IReadOnlyList<string> Between(bool wasCompleted, bool wasOverdue, Deadlines now)
    {
        var events = new List<string>(2);
        if (!wasCompleted && now.IsCompleted) events.Add(ComplianceEventTypes.Completed);
        if (wasCompleted && !now.IsCompleted) events.Add(now.IsExpired ? ComplianceEventTypes.Expired : ComplianceEventTypes.Reopened);
        if (!wasOverdue && now.IsOverdue) events.Add(ComplianceEventTypes.Overdue);
        return events;
    }
}

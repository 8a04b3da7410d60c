using ComplianceGrains.Compliance;

namespace ComplianceGrains.Domain;

/// <summary>What makes a compliance policy valid (API.md §10); field errors keyed by wire name.</summary>
public static class CompliancePolicyRules
{
    /// <summary>Longest period a policy may name, so that every date it produces is representable.</summary>
    public const int MaxDays = 36_500;

    public static IReadOnlyDictionary<string, string[]> Validate(CompliancePolicy policy)
    {
        var errors = new Dictionary<string, string[]>();
        void Range(string field, int? value, int min)
        {
            if (value is { } v && (v < min || v > MaxDays))
                errors[field] = [$"Ensure this value is between {min} and {MaxDays}."];
        }
        Range("due_days", policy.DueDays, 0);
        Range("reattest_days", policy.ReattestDays, 1);
        Range("reminder_every_days_overdue", policy.ReminderEveryDaysOverdue, 1);
        Range("max_reminders", policy.MaxReminders, 0);
        if (policy.ReminderDaysBeforeDue.Any(d => d < 0 || d > MaxDays))
            errors["reminder_days_before_due"] = [$"Ensure every value is between 0 and {MaxDays}."];
        else if (policy.ReminderDaysBeforeDue.Count > 30)
            errors["reminder_days_before_due"] = ["Ensure this field has no more than 30 elements."];
        return errors;
    }

    /// <summary>The policy as stored: reminder days distinct and in descending order (the earliest reminder first).</summary>
    public static CompliancePolicy Normalise(CompliancePolicy policy) =>
        policy with { ReminderDaysBeforeDue = policy.ReminderDaysBeforeDue.Distinct().OrderDescending().ToArray() };
}

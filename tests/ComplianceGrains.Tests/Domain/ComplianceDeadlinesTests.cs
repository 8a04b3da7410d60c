using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;

namespace ComplianceGrains.Tests.Domain;

/// <summary>Due dates, overdue, expiry, gating and the reminder schedule (BEHAVIOUR.md §10 and §12).</summary>
public sealed class ComplianceDeadlinesTests
{
    private static readonly DateTime Assigned = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Without_a_policy_nothing_is_due_and_nothing_expires()
    {
        var d = ComplianceDeadlines.Evaluate(CompliancePolicy.None, Assigned, answersComplete: true, Assigned, Assigned.AddYears(5));

        Assert.Equal(Deadlines.Unbounded(isCompleted: true), d);
        Assert.True(ComplianceDeadlines.IsRestricted(CompliancePolicy.None, d, setByHand: true));
    }

    [Fact]
    public void An_incomplete_completion_is_overdue_only_after_its_due_date()
    {
        var policy = CompliancePolicy.None with { DueDays = 1 };

        Assert.False(ComplianceDeadlines.Evaluate(policy, Assigned, false, null, Assigned.AddDays(1)).IsOverdue);
        var late = ComplianceDeadlines.Evaluate(policy, Assigned, false, null, Assigned.AddDays(1).AddSeconds(1));
        Assert.True(late.IsOverdue);
        Assert.Equal(Assigned.AddDays(1), late.DueDate);
        Assert.False(ComplianceDeadlines.Evaluate(policy with { DueDays = 0 }, Assigned, true, Assigned, Assigned.AddDays(9)).IsOverdue);
    }

    [Fact]
    public void An_attestation_expires_and_the_next_due_date_follows_the_expiry()
    {
        var policy = CompliancePolicy.None with { DueDays = 5, ReattestDays = 30 };
        var attested = Assigned.AddDays(2);

        var before = ComplianceDeadlines.Evaluate(policy, Assigned, true, attested, attested.AddDays(29));
        var after = ComplianceDeadlines.Evaluate(policy, Assigned, true, attested, attested.AddDays(30));

        Assert.True(before.IsCompleted);
        Assert.Equal(attested.AddDays(30), before.ExpiresAt);
        Assert.False(after.IsCompleted);
        Assert.True(after.IsExpired);
        Assert.Equal(attested.AddDays(35), after.DueDate);
        Assert.True(ComplianceDeadlines.Evaluate(policy, Assigned, true, attested, attested.AddDays(36)).IsOverdue);
        Assert.True(ComplianceDeadlines.IsRestricted(policy with { RestrictUntilCompliant = true }, after, setByHand: false));
        Assert.False(ComplianceDeadlines.IsRestricted(policy with { RestrictUntilCompliant = true }, before, setByHand: true));
    }

    [Fact]
    public void Stored_counts_are_read_against_the_clock()
    {
        var now = Assigned.AddDays(10);

        Assert.True(ComplianceDeadlines.IsOverdueAt(storedCompleted: true, dueDate: Assigned, expiresAt: now, now));
        Assert.False(ComplianceDeadlines.IsOverdueAt(storedCompleted: true, dueDate: Assigned, expiresAt: now.AddDays(1), now));
        Assert.True(ComplianceDeadlines.IsExpiring(now.AddDays(30), now, TimeSpan.FromDays(30)));
        Assert.False(ComplianceDeadlines.IsExpiring(now.AddDays(31), now, TimeSpan.FromDays(30)));
    }

    [Fact]
    public void Reminders_fall_on_the_days_before_due_then_every_n_days_overdue_up_to_the_cap()
    {
        var policy = CompliancePolicy.None with { DueDays = 10, ReminderDaysBeforeDue = [7, 1], ReminderEveryDaysOverdue = 2, MaxReminders = 3 };
        var due = Assigned.AddDays(10);
        Deadlines Open(DateTime now) => ComplianceDeadlines.Evaluate(policy, Assigned, false, null, now);

        Assert.Null(ReminderSchedule.Owed(policy, Open(due.AddDays(-8)), due.AddDays(-8), null, 0));
        Assert.Equal(due.AddDays(-7), ReminderSchedule.Owed(policy, Open(due.AddDays(-6)), due.AddDays(-6), null, 0));
        Assert.Null(ReminderSchedule.Owed(policy, Open(due.AddDays(-6)), due.AddDays(-6), due.AddDays(-7), 1));
        Assert.Equal(due.AddDays(-1), ReminderSchedule.Owed(policy, Open(due.AddHours(-1)), due.AddHours(-1), due.AddDays(-7), 1));
        Assert.Equal(due, ReminderSchedule.Owed(policy, Open(due.AddHours(1)), due.AddHours(1), due.AddDays(-1), 2));
        Assert.Null(ReminderSchedule.Owed(policy, Open(due.AddDays(2)), due.AddDays(2), due, 3));
        Assert.Equal(due.AddDays(4), ReminderSchedule.Owed(policy with { MaxReminders = null }, Open(due.AddDays(5)), due.AddDays(5), due, 3));
        var completed = ComplianceDeadlines.Evaluate(policy, Assigned, true, Assigned, due.AddDays(5));
        Assert.Null(ReminderSchedule.Owed(policy, completed, due.AddDays(5), null, 0));
    }

    [Fact]
    public void A_policy_names_valid_ranges_only()
    {
        Assert.Empty(CompliancePolicyRules.Validate(CompliancePolicy.None with { DueDays = 0, ReattestDays = 1 }));
        var errors = CompliancePolicyRules.Validate(new CompliancePolicy(-1, 0, [-2], 0, -1, false));
        Assert.Equal(
            ["due_days", "max_reminders", "reattest_days", "reminder_days_before_due", "reminder_every_days_overdue"],
            errors.Keys.Order());
    }
}

using ComplianceGrains.Compliance;
using ComplianceGrains.WebApi.Web;

namespace ComplianceGrains.Tests.Domain.WebApi;

/// <summary>The badges the pages put next to a completion, read from its stored dates at the page's instant.</summary>
public sealed class CompletionDeadlineTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private static CompletionStatus Completion(bool completed, DateTime? due = null, DateTime? expires = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), "Checklist", "", completed, completed ? 100 : 0, [], false, null, null, null, "", Now, Now,
        DueDate: due, ExpiresAt: expires);

    [Fact]
    public void Without_a_policy_nothing_is_shown()
    {
        Assert.False(CompletionDeadline.Of(Completion(completed: false), Now).IsShown);
        Assert.False(CompletionDeadline.Of(null, Now).IsShown);
    }

    [Fact]
    public void A_pending_completion_is_overdue_only_once_its_due_date_has_passed()
    {
        Assert.Empty(CompletionDeadline.Of(Completion(false, due: Now.AddHours(1)), Now).Badges);
        Assert.Equal([CompletionDeadline.Overdue], CompletionDeadline.Of(Completion(false, due: Now.AddHours(-1)), Now).Badges);
        Assert.Empty(CompletionDeadline.Of(Completion(true, due: Now.AddHours(-1)), Now).Badges);
    }

    [Fact]
    public void A_completion_stored_as_completed_is_expired_from_its_expiry_on_and_overdue_after_its_next_due_date()
    {
        var expiring = Completion(true, due: Now.AddDays(3), expires: Now.AddDays(-4));
        Assert.Equal([CompletionDeadline.Expired], CompletionDeadline.Of(expiring, Now).Badges);
        Assert.Equal([CompletionDeadline.Expired, CompletionDeadline.Overdue], CompletionDeadline.Of(expiring, Now.AddDays(4)).Badges);
        Assert.Empty(CompletionDeadline.Of(expiring, Now.AddDays(-5)).Badges);
    }
}

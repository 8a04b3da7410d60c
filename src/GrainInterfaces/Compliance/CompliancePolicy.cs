namespace ComplianceGrains.Compliance;

/// <summary>
/// An offering's compliance policy (API.md §10): when completions fall due, how long an attestation lasts, when
/// reminders go out, and whether an incomplete completion restricts its offering user. The default changes nothing.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CompliancePolicy(
    [property: Id(0)] int? DueDays,
    [property: Id(1)] int? ReattestDays,
    [property: Id(2)] IReadOnlyList<int> ReminderDaysBeforeDue,
    [property: Id(3)] int? ReminderEveryDaysOverdue,
    [property: Id(4)] int? MaxReminders,
    [property: Id(5)] bool RestrictUntilCompliant)
{
    public static CompliancePolicy None { get; } = new(null, null, [], null, null, false);

    /// <summary>True when the policy sets anything at all, so that the offering needs a reminder sweep.</summary>
    public bool IsActive => DueDays is not null || ReattestDays is not null || RestrictUntilCompliant;
}

/// <summary>How many reminders "remind now" sent, or the seconds to wait when it was refused.</summary>
[GenerateSerializer, Immutable]
public sealed record RemindNowOutcome([property: Id(0)] int Queued, [property: Id(1)] int? RetryAfterSeconds);

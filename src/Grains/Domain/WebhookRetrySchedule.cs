namespace ComplianceGrains.Domain;

/// <summary>
/// When a failed webhook delivery is tried again (API.md §10): after the first delay, each next wait three times
/// longer, ±20 % jitter, at most an hour apart, and never later than 24 hours after the event.
/// </summary>
public static class WebhookRetrySchedule
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    /// <summary>
    /// The next attempt after <paramref name="failedAttempts"/> failures, or null when the window is over.
    /// <paramref name="jitter"/> is a number in [0, 1) (0.5 means no jitter).
    /// </summary>
    public static DateTime? NextAttempt(DateTime eventCreated, DateTime now, int failedAttempts, TimeSpan firstDelay, double jitter)
    {
        var baseDelay = firstDelay.TotalSeconds * Math.Pow(3, Math.Max(0, failedAttempts - 1));
        var seconds = Math.Min(baseDelay, MaxDelay.TotalSeconds) * (0.8 + 0.4 * jitter);
        var next = now.AddSeconds(seconds);
        return next <= eventCreated + Window ? next : null;
    }
}

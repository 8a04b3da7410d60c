using System.Threading.RateLimiting;

namespace ComplianceGrains.WebApi.Auth;

/// <summary>
/// Failed sign-ins per username (<see cref="SignInLimits.FailedAttemptsPerUsername"/> per window). Only failures take a
/// permit, so a user who signs in correctly is never slowed by the failures of others, and a username that reached its
/// limit is refused before its password is checked, until the window ends.
/// </summary>
public sealed class SignInThrottle(SignInLimits limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(
        username => RateLimitPartition.GetFixedWindowLimiter(username, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.FailedAttemptsPerUsername,
            Window = TimeSpan.FromSeconds(limits.FailedAttemptsWindowSeconds),
            QueueLimit = 0,
        }),
        StringComparer.Ordinal);

    /// <summary>How long the username must wait before its next attempt; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string username)
    {
        using var lease = _failures.AttemptAcquire(username, permitCount: 0);
        return lease.IsAcquired ? null : WaitOf(lease);
    }

    public void RecordFailure(string username) => _failures.AttemptAcquire(username).Dispose();

    public void Dispose() => _failures.Dispose();

    private TimeSpan WaitOf(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(limits.FailedAttemptsWindowSeconds);
}

/// <summary>A sign-in refused by a limit (429 with <c>Retry-After</c>).</summary>
public sealed class SignInThrottledException(TimeSpan retryAfter) : Exception("Request was throttled.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

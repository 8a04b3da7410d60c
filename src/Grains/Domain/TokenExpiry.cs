namespace ComplianceGrains.Domain;

/// <summary>
/// Inactivity expiry of tokens (Waldur's <c>token_lifetime</c>): a token whose owner has a lifetime expires after that
/// many seconds without a request; without a lifetime it never expires.
/// </summary>
public static class TokenExpiry
{
    /// <summary>The last use is stored again once a tenth of the lifetime has passed (at least every second).</summary>
    public const int StoreEvery = 10;

    public static bool HasExpired(int? lifetimeSeconds, DateTime lastUsed, DateTime now) =>
        lifetimeSeconds is > 0 and var lifetime && now - lastUsed > TimeSpan.FromSeconds(lifetime);

    /// <summary>
    /// Whether the last use should be stored: a reactivated token grain reads it, so a token may expire up to a tenth of
    /// its lifetime early after its grain was collected, never late.
    /// </summary>
    public static bool ShouldStore(int? lifetimeSeconds, DateTime storedLastUse, DateTime now) =>
        lifetimeSeconds is > 0 and var lifetime
        && now - storedLastUse >= TimeSpan.FromSeconds(Math.Max(1.0, lifetime / (double)StoreEvery));
}

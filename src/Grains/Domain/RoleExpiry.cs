namespace ComplianceGrains.Domain;

/// <summary>A customer role given with an expiration time stops counting at that time (Waldur's <c>expiration_time</c>).</summary>
public static class RoleExpiry
{
    public static bool Counts(DateTime? expiresAt, DateTimeOffset now) => expiresAt is not { } at || at > now.UtcDateTime;
}

namespace ComplianceGrains.Compliance;

/// <summary>Configuration section <c>Webhooks</c> (also as <c>Webhooks__AllowPrivateTargets</c> and so on).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Allows targets on loopback, link-local and private networks (tests, closed installations).</summary>
    public bool AllowPrivateTargets { get; set; }

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Consecutive failed deliveries after which a subscription is disabled.</summary>
    public int MaxConsecutiveFailures { get; set; } = 5;

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

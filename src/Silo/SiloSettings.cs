namespace ComplianceGrains.Silo;

/// <summary>The <c>Orleans</c> configuration section.</summary>
public sealed class SiloSettings
{
    public const string Section = "Orleans";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public string ClusterId { get; set; } = "compliance";

    public string ServiceId { get; set; } = "compliance-grains";

    public TimeSpan GrainIdleTimeout { get; set; } = TimeSpan.FromMinutes(15);
}

using Microsoft.Extensions.Configuration;

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

    /// <summary>
    /// How long user, username and token grains stay active when unused (at least Orleans' collection quantum, one
    /// minute). They are needed around a user's creation, a login and while the user makes requests, unlike offering
    /// users' grains, which serve completion_status/ from memory; reactivating one costs one storage read.
    /// </summary>
    public TimeSpan IdentityGrainIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Cluster mode: the IP address other silos and clients use to reach this silo (it is written to the membership
    /// table). Unset: the address the host name resolves to.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    public static SiloSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<SiloSettings>() ?? new SiloSettings();
}

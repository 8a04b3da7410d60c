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

    /// <summary>
    /// Cluster mode: how long a front end waits for a grain call's response before it answers 503. Orleans' default, 30 s,
    /// is what held requests in flight to a killed silo; a request of this API needs well under a second.
    /// </summary>
    public TimeSpan ClientResponseTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Cluster mode: a silo that misses <see cref="MissedProbesLimit"/> probes of this timeout in a row is voted dead, so
    /// that calls to it are rejected and its grains move within seconds (Orleans' defaults take about 15 s).
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public int MissedProbesLimit { get; set; } = 2;

    public static SiloSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<SiloSettings>() ?? new SiloSettings();
}

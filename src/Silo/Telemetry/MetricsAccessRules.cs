using System.Net;
using Microsoft.Extensions.Configuration;

namespace ComplianceGrains.Silo.Telemetry;

/// <summary>
/// Who may scrape <c>/metrics</c> without a token: loopback, and the networks of <c>Metrics:AllowedNetworks</c> (CIDR,
/// a list or one comma-separated string, such as a container network). Anyone else needs a staff token.
/// </summary>
public sealed class MetricsAccessRules(IReadOnlyList<IPNetwork> allowedNetworks)
{
    public IReadOnlyList<IPNetwork> AllowedNetworks { get; } = allowedNetworks;

    public static MetricsAccessRules From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Metrics:AllowedNetworks");
        var entries = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(child => child.Value ?? "");
        var networks = new List<IPNetwork>();
        foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (!IPNetwork.TryParse(entry, out var network))
                throw new InvalidOperationException($"Metrics:AllowedNetworks: '{entry}' is not a network in CIDR notation (such as 10.0.0.0/8).");
            networks.Add(network);
        }
        return new MetricsAccessRules(networks);
    }

    public bool AllowsWithoutToken(IPAddress? remote)
    {
        if (remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return IPAddress.IsLoopback(remote) || AllowedNetworks.Any(network => network.Contains(remote));
    }
}

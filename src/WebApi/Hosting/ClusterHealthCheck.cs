using ComplianceGrains.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplianceGrains.WebApi.Hosting;

/// <summary>Ready when a grain call reaches the cluster and its storage accepts a write.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>One probe grain per front-end process, so that probes of many front ends do not queue on one grain.</summary>
    private readonly string _probeKey = $"{Environment.MachineName}-{Environment.ProcessId}";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IHealthProbeGrain>(_probeKey).ProbeAsync().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The cluster or its storage does not answer.", e);
        }
    }
}

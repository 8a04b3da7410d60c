using ComplianceGrains.Catalog;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplianceGrains.WebApi.Hosting;

/// <summary>Ready when a grain call reaches the cluster and its storage answers.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<ICatalogGrain>(CatalogNames.Users).ListAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The cluster or its storage does not answer.", e);
        }
    }
}

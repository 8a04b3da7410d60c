using ComplianceGrains.Silo;
using ComplianceGrains.Silo.Telemetry;
using Orleans.Configuration;

namespace ComplianceGrains.WebApi.Hosting;

/// <summary>
/// How the front end reaches the grains, chosen by configuration (<c>Hosting:Mode</c>): embedded mode co-hosts a
/// silo; cluster mode is an Orleans client that finds the silos' gateways through the membership table.
/// </summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddComplianceOrleans(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!HostingMode.IsCluster(configuration))
        {
            builder.UseOrleans(silo => silo.ConfigureComplianceSilo(configuration));
            return builder;
        }

        var settings = SiloSettings.From(configuration);
        var connectionString = HostingMode.ConnectionString(configuration);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = settings.ClusterId;
                options.ServiceId = settings.ServiceId;
            });
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            // A call that a silo does not answer in time (it was killed with the call in flight, or before the cluster
            // declared it dead) fails fast and answers 503 instead of holding its request for Orleans' default 30 s.
            client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = settings.ClientResponseTimeout);
            client.Services.AddGrainInterfaceTypeCache();
            client.UseConnectionRetryFilter(RetryConnectingAsync);
            client.AddComplianceObservability(configuration);
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = ComplianceSilo.AdoNetInvariant;
                options.ConnectionString = connectionString;
            });
        });
        return builder;
    }

    /// <summary>A front end started before its silos keeps trying to reach the cluster instead of failing.</summary>
    private static async Task<bool> RetryConnectingAsync(Exception exception, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }
}

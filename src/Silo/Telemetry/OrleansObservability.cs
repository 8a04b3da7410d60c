using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace ComplianceGrains.Silo.Telemetry;

/// <summary>
/// What Orleans itself contributes: trace context carried with grain calls (only when traces are exported), and the
/// Orleans dashboard's data collection (<c>Dashboard:Enabled</c>, default true), on silos and on the front end's client.
/// </summary>
public static class OrleansObservability
{
    public static bool DashboardEnabled(IConfiguration configuration) => configuration.GetValue("Dashboard:Enabled", true);

    public static ISiloBuilder AddComplianceObservability(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (ComplianceTelemetry.ExportsOtlp(configuration)) silo.AddActivityPropagation();
        if (DashboardEnabled(configuration)) silo.AddDashboard();
        return silo;
    }

    public static IClientBuilder AddComplianceObservability(this IClientBuilder client, IConfiguration configuration)
    {
        if (ComplianceTelemetry.ExportsOtlp(configuration)) client.AddActivityPropagation();
        if (DashboardEnabled(configuration)) client.AddDashboard();
        return client;
    }
}

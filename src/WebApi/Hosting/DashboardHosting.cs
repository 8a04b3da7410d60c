using ComplianceGrains.Silo.Telemetry;
using ComplianceGrains.WebApi.Auth;
using Orleans.Dashboard;

namespace ComplianceGrains.WebApi.Hosting;

/// <summary>
/// The Orleans dashboard at <c>/dashboard/</c>, for staff only. Its data comes from the dashboard grains of the silos
/// (<see cref="OrleansObservability"/>): the co-hosted silo in embedded mode, the cluster's silos through the front
/// end's client in cluster mode.
/// </summary>
public static class DashboardHosting
{
    public const string Path = "/dashboard";

    public static WebApplication MapComplianceDashboard(this WebApplication app)
    {
        if (OrleansObservability.DashboardEnabled(app.Configuration))
            app.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(StaffPolicy.Name);
        return app;
    }
}

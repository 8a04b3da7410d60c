using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;

namespace ComplianceGrains.Silo;

/// <summary>
/// The silo's configuration, shared by the standalone silo and the front end's co-hosted silo (embedded mode):
/// localhost clustering, in-memory grain storage and reminders.
/// </summary>
public static class ComplianceSilo
{
    public static ISiloBuilder ConfigureComplianceSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
        silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
        silo.Configure<GrainCollectionOptions>(options => options.CollectionAge = settings.GrainIdleTimeout);
        return silo.AddComplianceInMemoryStorage();
    }

    /// <summary>In-memory grain storage, reminders and projection; also what the test clusters use.</summary>
    public static ISiloBuilder AddComplianceInMemoryStorage(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(StorageNames.Main);
        silo.UseInMemoryReminderService();
        silo.Services.AddComplianceGrainServices();
        return silo;
    }
}

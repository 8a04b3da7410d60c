using ComplianceGrains.Compliance;
using ComplianceGrains.Silo;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ComplianceGrains.Tests.Support;

/// <summary>An in-process cluster whose history and event stores can be made to fail their appends, as a database outage would.</summary>
public sealed class FailingHistoryStoreCluster : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public FailingAnswerHistoryStore History => Cluster.GetSiloServiceProvider().GetRequiredService<FailingAnswerHistoryStore>();

    public FailingComplianceEventStore Events => Cluster.GetSiloServiceProvider().GetRequiredService<FailingComplianceEventStore>();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddComplianceInMemoryStorage();
            silo.Services.AddSingleton<FailingAnswerHistoryStore>();
            silo.Services.AddSingleton<IAnswerHistoryStore>(services => services.GetRequiredService<FailingAnswerHistoryStore>());
            silo.Services.AddSingleton<FailingComplianceEventStore>();
            silo.Services.AddSingleton<IComplianceEventStore>(services => services.GetRequiredService<FailingComplianceEventStore>());
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

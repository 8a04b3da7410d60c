using ComplianceGrains.Compliance;
using ComplianceGrains.Silo;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ComplianceGrains.Tests.Support;

/// <summary>An in-process cluster whose history store can be made to fail its appends, as a database outage would.</summary>
public sealed class FailingHistoryStoreCluster : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public FailingAnswerHistoryStore History => Cluster.GetSiloServiceProvider().GetRequiredService<FailingAnswerHistoryStore>();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddComplianceInMemoryStorage();
            silo.Services.AddSingleton<FailingAnswerHistoryStore>();
            silo.Services.AddSingleton<IAnswerHistoryStore>(services => services.GetRequiredService<FailingAnswerHistoryStore>());
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

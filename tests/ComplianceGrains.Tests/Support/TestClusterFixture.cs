using ComplianceGrains.Silo;
using Orleans.TestingHost;

namespace ComplianceGrains.Tests.Support;

/// <summary>An in-process Orleans cluster with the service's grains and in-memory storage, shared per collection.</summary>
public sealed class TestClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddComplianceInMemoryStorage());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<TestClusterFixture>
{
    public const string Name = "cluster";
}

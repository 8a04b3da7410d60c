using ComplianceGrains.Silo;
using Orleans.TestingHost;

namespace ComplianceGrains.Tests.Postgres;

public static class PostgresTestCluster
{
    /// <summary>
    /// A one-silo test cluster whose grain storage and reminders are in the given database. Clusters started with
    /// the same service id see the same grain state.
    /// </summary>
    public static async Task<InProcessTestCluster> StartAsync(string connectionString, string serviceId)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) => silo.AddCompliancePostgresStorage(connectionString));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}

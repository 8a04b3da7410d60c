using ComplianceGrains.Catalog;
using ComplianceGrains.Silo;
using ComplianceGrains.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace ComplianceGrains.Tests.Postgres;

public sealed class ClusteringTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Active = 3;
    private const int Dead = 6;

    [PostgresFact]
    public async Task A_cluster_mode_silo_registers_in_the_membership_table_and_clients_find_it_there()
    {
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        var serviceId = $"service-{Guid.NewGuid():N}";
        using var silo = BuildSilo(clusterId, serviceId);
        await silo.StartAsync();

        Assert.Equal([Active], await StatusesAsync(clusterId));
        using (var client = BuildClient(clusterId, serviceId))
        {
            await client.StartAsync();
            var user = Guid.NewGuid();
            var catalog = client.Services.GetRequiredService<IClusterClient>().GetGrain<ICatalogGrain>(CatalogNames.Users);
            await catalog.AddAsync(user);
            Assert.Equal([user], await catalog.ListAsync());
            await client.StopAsync();
        }

        await silo.StopAsync();
        Assert.Equal([Dead], await StatusesAsync(clusterId));
    }

    private IHost BuildSilo(string clusterId, string serviceId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [HostingMode.Key] = HostingMode.Cluster,
            [$"ConnectionStrings:{HostingMode.ConnectionStringName}"] = database.ConnectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = serviceId,
            ["Orleans:SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans:GatewayPort"] = FreePorts.Next().ToString(),
            ["Orleans:AdvertisedAddress"] = "127.0.0.1",
        });
        builder.UseOrleans(silo => silo.ConfigureComplianceSilo(builder.Configuration));
        return builder.Build();
    }

    private IHost BuildClient(string clusterId, string serviceId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (clusterId, serviceId))
            .UseAdoNetClustering(options =>
            {
                options.Invariant = ComplianceSilo.AdoNetInvariant;
                options.ConnectionString = database.ConnectionString;
            }));
        return builder.Build();
    }

    private Task<List<int>> StatusesAsync(string clusterId) =>
        Sql.QueryAsync<int>(database.ConnectionString,
            "SELECT status FROM orleans_membership WHERE deployment_id = @cluster", ("cluster", clusterId));
}

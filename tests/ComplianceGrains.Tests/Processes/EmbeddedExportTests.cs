using ComplianceGrains.Silo;
using ComplianceGrains.Tests.Postgres;
using ComplianceGrains.Tests.Sqlite;
using ComplianceGrains.Tests.Support;
using Xunit.Abstractions;

namespace ComplianceGrains.Tests.Processes;

/// <summary>An embedded data directory moved into PostgreSQL answers the same through a cluster as it did embedded.</summary>
[Collection(ProcessCollection.Name)]
public sealed class EmbeddedExportTests(PostgresDatabaseFixture database, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    [PostgresFact]
    public async Task A_world_exported_from_an_embedded_directory_answers_every_endpoint_the_same_in_cluster_mode()
    {
        using var directory = new TemporaryDirectory();
        var (sample, embedded) = await EmbeddedSample.CreateAndReadAsync(directory.Path);
        var target = await database.CreateDatabaseAsync();
        var serviceId = $"exported-{Guid.NewGuid():N}";

        Assert.Equal(0, await ExportEmbeddedCommand.RunAsync([directory.Path, "--to-postgres", target, "--service-id", serviceId]));

        await using var cluster = await ProcessCluster.StartAsync(target, silos: 1, output, serviceId);
        var api = new ApiWorld(cluster.Http, ApiFactory.AdminToken);
        var clustered = await sample.On(api).ReadAsync(api);
        foreach (var (path, body) in embedded) Assert.True(body == clustered[path], $"{path} differs:\nembedded: {body}\ncluster:  {clustered[path]}");
    }
}

using ComplianceGrains.Silo;
using ComplianceGrains.Tests.Postgres;
using ComplianceGrains.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ComplianceGrains.Tests.Hostile;

/// <summary>
/// The real HTTP pipeline in each storage mode the fuzz sweep runs against. A mode is one entry of <see cref="Modes"/>
/// and one case of <see cref="StartAsync"/>.
/// </summary>
public static class FuzzHosts
{
    public const string Memory = "memory";
    public const string Postgres = "postgres";
    public const string Sqlite = "sqlite";

    public static readonly IReadOnlyList<string> Modes = [Memory, Sqlite, Postgres];

    public static async Task<IAsyncDisposable> StartAsync(string mode, PostgresDatabaseFixture database) => mode switch
    {
        Memory => new HttpHost(new ApiFactory(), null),
        Postgres => await PostgresHostAsync(database),
        Sqlite => new HttpHost(new Sqlite.SqliteApiHost(Directory.CreateTempSubdirectory("compliance-fuzz-").FullName), null),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "no such storage mode"),
    };

    public static HttpClient Client(IAsyncDisposable host) => ((HttpHost)host).Factory.CreateClient();

    /// <summary>Cluster mode in one process: a silo on the database and a front end that reaches it as an Orleans client.</summary>
    private static async Task<IAsyncDisposable> PostgresHostAsync(PostgresDatabaseFixture database)
    {
        var ids = new Dictionary<string, string?>
        {
            ["Hosting:Mode"] = "Cluster",
            ["ConnectionStrings:Compliance"] = database.ConnectionString,
            ["Orleans:ClusterId"] = $"fuzz-{Guid.NewGuid():N}",
            ["Orleans:ServiceId"] = $"fuzz-{Guid.NewGuid():N}",
            ["Orleans:SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans:GatewayPort"] = FreePorts.Next().ToString(),
            ["Orleans:AdvertisedAddress"] = "127.0.0.1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var siloBuilder = Host.CreateApplicationBuilder();
        siloBuilder.Configuration.AddInMemoryCollection(ids);
        siloBuilder.UseOrleans(silo => silo.ConfigureComplianceSilo(siloBuilder.Configuration));
        var silo = siloBuilder.Build();
        await silo.StartAsync();
        return new HttpHost(new ClusterApiFactory(ids), silo);
    }

    private sealed class ClusterApiFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("COMPLIANCE_ADMIN_TOKEN", ApiFactory.AdminToken);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.UseSetting("Orleans:ClientResponseTimeout", "00:00:30");
            builder.UseSetting("SignIn:AttemptsPerAddress", "1000000");
        }
    }

    private sealed class HttpHost(WebApplicationFactory<Program> factory, IHost? silo) : IAsyncDisposable
    {
        public WebApplicationFactory<Program> Factory { get; } = factory;

        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            if (silo is not null)
            {
                await silo.StopAsync();
                silo.Dispose();
            }
        }
    }
}

using ComplianceGrains.Silo;
using Microsoft.AspNetCore.Hosting;
using ComplianceGrains.Tests.Support.Contract;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceGrains.Tests.Support;

/// <summary>
/// The real ASP.NET Core pipeline in embedded mode (a co-hosted silo with storage in memory, never in a data directory), on free ports,
/// with a known admin token. Shared by the tests of the <see cref="ApiCollection"/>.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-admin-token";

    private Task<OpenApiContract>? _contract;

    /// <summary>The service's own OpenAPI document, read once.</summary>
    public Task<OpenApiContract> ContractAsync() => _contract ??= LoadContractAsync();

    /// <summary>A client whose every successful API answer is checked against <see cref="ContractAsync"/>.</summary>
    public HttpClient CreateContractClient() => CreateDefaultClient(new ContractValidatingHandler(ContractAsync));

    private async Task<OpenApiContract> LoadContractAsync()
    {
        using var client = CreateClient();
        return new OpenApiContract(await client.GetStringAsync("/api/schema/"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("COMPLIANCE_ADMIN_TOKEN", AdminToken);
        builder.UseSetting(StorageMode.Key, StorageMode.Memory);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every test signs its users in from the test server's one (absent) client address.
        builder.UseSetting("SignIn:AttemptsPerAddress", "1000000");
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    /// <summary>Services a derived factory replaces (a fake clock, for instance).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}

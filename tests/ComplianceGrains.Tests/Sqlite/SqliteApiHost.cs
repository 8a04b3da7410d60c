using ComplianceGrains.Silo;
using ComplianceGrains.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplianceGrains.Tests.Sqlite;

/// <summary>The real ASP.NET Core pipeline in embedded mode on SQLite, on a given data directory and free ports.</summary>
public sealed class SqliteApiHost(string dataDirectory) : WebApplicationFactory<Program>
{
    public ApiWorld World() => new(CreateClient(), ApiFactory.AdminToken);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("COMPLIANCE_ADMIN_TOKEN", ApiFactory.AdminToken);
        builder.UseSetting(StorageMode.Key, StorageMode.Sqlite);
        builder.UseSetting(StorageMode.DataDirectoryKey, dataDirectory);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every request of a test comes from the test server's one (absent) client address.
        builder.UseSetting("SignIn:AttemptsPerAddress", "1000000");
    }
}

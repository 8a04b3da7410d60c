using ComplianceGrains.Silo;
using System.Net;
using ComplianceGrains.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceGrains.Tests.Hostile;

/// <summary>
/// The real pipeline with small sign-in limits, a fake clock for token expiry, and a client address taken from the
/// <see cref="AddressHeader"/> request header (a test server has no remote address of its own).
/// </summary>
public sealed class SignInFactory : WebApplicationFactory<Program>
{
    public const string AddressHeader = "X-Test-Client-Address";
    public const int FailedAttemptsPerUsername = 3;
    public const int AttemptsPerAddress = 5;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("COMPLIANCE_ADMIN_TOKEN", ApiFactory.AdminToken);
        builder.UseSetting(StorageMode.Key, StorageMode.Memory);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("SignIn:FailedAttemptsPerUsername", FailedAttemptsPerUsername.ToString());
        builder.UseSetting("SignIn:AttemptsPerAddress", AttemptsPerAddress.ToString());
        builder.UseSetting("Api:PublicBaseUrl", "https://compliance.example.org");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader].ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}

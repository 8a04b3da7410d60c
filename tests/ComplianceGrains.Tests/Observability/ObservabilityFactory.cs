using ComplianceGrains.Silo;
using System.Net;
using ComplianceGrains.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceGrains.Tests.Observability;

/// <summary>
/// The front end in embedded mode as <see cref="ApiFactory"/> builds it, with extra settings, and requests that arrive
/// from <see cref="RemoteAddress"/> (the test server has no network of its own).
/// </summary>
public sealed class ObservabilityFactory(params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    public IPAddress RemoteAddress { get; set; } = IPAddress.Loopback;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("COMPLIANCE_ADMIN_TOKEN", ApiFactory.AdminToken);
        builder.UseSetting(StorageMode.Key, StorageMode.Memory);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(this)));
    }

    private sealed class RemoteAddressFilter(ObservabilityFactory factory) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = factory.RemoteAddress;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

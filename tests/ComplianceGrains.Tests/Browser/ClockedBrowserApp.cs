using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceGrains.Tests.Browser;

/// <summary>
/// The browser tests' service with a <see cref="FakeTimeProvider"/> as its clock (Orleans' own clocks stay on real
/// time, as in <c>ClockedApiFactory</c>) and webhook targets on loopback allowed, for the receivers the tests start.
/// </summary>
public sealed class ClockedBrowserApp : BrowserApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Webhooks:AllowPrivateTargets", "true");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddKeyedSingleton<TimeProvider>(KeyedService.AnyKey, TimeProvider.System);
        });
    }
}

[CollectionDefinition(Name)]
public sealed class ClockedBrowserCollection : ICollectionFixture<ClockedBrowserApp>
{
    public const string Name = "browser with a fake clock";
}

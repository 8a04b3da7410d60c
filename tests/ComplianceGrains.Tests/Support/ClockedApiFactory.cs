using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceGrains.Tests.Support;

/// <summary>
/// The API of <see cref="ApiFactory"/> with a <see cref="FakeTimeProvider"/> as the service's clock, so that tests move
/// time forward instead of waiting. Orleans' own clocks (timers, messaging, membership) stay on real time: the catch-all
/// keyed registration pins every Orleans area to the system clock, and only the unkeyed clock is fake. Webhook targets
/// on loopback are allowed, for the receivers the tests start, and e-mail goes to an SMTP server in the test process.
/// </summary>
public sealed class ClockedApiFactory : ApiFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The SMTP server the service sends its e-mail to.</summary>
    public SmtpSink Mail { get; } = new();

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Mail.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The tests' webhook receivers listen on 127.0.0.1.
        builder.UseSetting("Webhooks:AllowPrivateTargets", "true");
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Mail.Port.ToString());
        builder.UseSetting("Smtp:From", "compliance@example.org");
        builder.UseSetting("Api:PublicBaseUrl", "https://compliance.example.org");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddKeyedSingleton<TimeProvider>(KeyedService.AnyKey, TimeProvider.System);
        });
    }
}

[CollectionDefinition(Name)]
public sealed class ClockedApiCollection : ICollectionFixture<ClockedApiFactory>
{
    public const string Name = "api with a fake clock";
}

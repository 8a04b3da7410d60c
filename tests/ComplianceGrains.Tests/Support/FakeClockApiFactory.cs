using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceGrains.Tests.Support;

/// <summary>The API with a <see cref="FakeTimeProvider"/> in place of the system clock, for rules that depend on time.</summary>
public sealed class FakeClockApiFactory : ApiFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

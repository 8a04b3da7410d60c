using ComplianceGrains.Bench.Hosting;
using ComplianceGrains.Bench.Http;
using ComplianceGrains.Bench.Load;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench;

/// <summary>What a scenario works with: the options, the API, the server it measures and the seeder.</summary>
public sealed record BenchContext(BenchOptions Options, ApiClient Api, ServerHandle Server, WorldSeeder Seeder)
{
    public LoadSettings Load => new(Options.Concurrency, Options.Duration, Options.Warmup, Server.CpuUse);
}

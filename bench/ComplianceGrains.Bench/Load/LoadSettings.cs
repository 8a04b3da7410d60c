namespace ComplianceGrains.Bench.Load;

/// <summary>
/// How hard and how long to drive a load: concurrent clients, measured time, unmeasured warm-up before it; and,
/// when given, how to read the CPU time each process has used, to charge the measured window's CPU to its requests.
/// </summary>
public sealed record LoadSettings(
    int Concurrency, TimeSpan Duration, TimeSpan Warmup, Func<IReadOnlyDictionary<string, TimeSpan>>? CpuUse = null);

namespace ComplianceGrains.Bench.Load;

/// <summary>How hard and how long to drive a load: concurrent clients, measured time, unmeasured warm-up before it.</summary>
public sealed record LoadSettings(int Concurrency, TimeSpan Duration, TimeSpan Warmup);

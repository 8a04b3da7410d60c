namespace ComplianceGrains.Bench.Load;

/// <summary>
/// One measured load: how many requests succeeded in how long, their latency, the failures, and (for a load of one
/// operation, when CPU was read) the CPU each process spent per request in the measured window, in microseconds.
/// </summary>
public sealed record LoadResult(
    string Name, int Concurrency, double Seconds, long Requests, long Errors, LatencySummary Latency, string? FirstError,
    IReadOnlyDictionary<string, double>? CpuMicrosecondsPerRequest = null)
{
    public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;
}

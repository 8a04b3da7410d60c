namespace ComplianceGrains.Bench.Load;

/// <summary>One measured load: how many requests succeeded in how long, their latency, and the failures.</summary>
public sealed record LoadResult(
    string Name, int Concurrency, double Seconds, long Requests, long Errors, LatencySummary Latency, string? FirstError)
{
    public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;
}

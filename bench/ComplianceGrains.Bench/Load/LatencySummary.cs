using System.Diagnostics;

namespace ComplianceGrains.Bench.Load;

/// <summary>Percentiles of every recorded duration (all samples kept and sorted, so the figures are exact).</summary>
public sealed record LatencySummary(double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary From(List<long> ticks)
    {
        if (ticks.Count == 0) return new LatencySummary(0, 0, 0, 0);
        ticks.Sort();
        return new LatencySummary(Percentile(ticks, 0.50), Percentile(ticks, 0.95), Percentile(ticks, 0.99), Ms(ticks[^1]));
    }

    private static double Percentile(List<long> sorted, double fraction) =>
        Ms(sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)]);

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

using System.Globalization;

namespace ComplianceGrains.Bench.Hosting;

/// <summary>A process's resident memory, read from /proc/&lt;pid&gt;/status (Linux).</summary>
public static class ProcessMemory
{
    public static double RssMb(int pid) => Read(pid, "VmRSS:");

    public static double PeakRssMb(int pid) => Read(pid, "VmHWM:");

    private static double Read(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new BenchException($"/proc/{pid}/status has no {field}");
        var kilobytes = long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }
}

namespace ComplianceGrains.Bench;

/// <summary>A one-line description of the machine the run happened on (the generator shares it with the server).</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        return $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, "
            + $"load average at start {load}; load generator and server on the same machine";
    }
}

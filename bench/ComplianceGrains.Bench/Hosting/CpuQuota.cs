using System.Globalization;

namespace ComplianceGrains.Bench.Hosting;

/// <summary>
/// A Linux CPU control group of its own for one process, capped at a fraction of one core (CFS quota): a silo
/// started with it has a fixed capacity, as a silo on a machine of its own has, instead of a share of the cores the
/// other silos, the front end, PostgreSQL and the load generator compete for. Needs write access to the cgroup file
/// system (root); cgroup v2 (cpu.max) and v1 (cpu.cfs_quota_us) are both understood.
/// </summary>
public sealed class CpuQuota : IDisposable
{
    // A short period (the kernel's default is 100 ms): a group that used its quota waits out the rest of the period,
    // and a request that crosses two or three capped silos would wait out several such pauses in a row.
    private const int PeriodMicroseconds = 10_000;
    private const string Root = "/sys/fs/cgroup";
    private readonly string directory;

    private CpuQuota(string directory, double cores)
    {
        this.directory = directory;
        Cores = cores;
    }

    public double Cores { get; }

    public static CpuQuota Create(string name, double cores)
    {
        var quota = ((long)(cores * PeriodMicroseconds)).ToString(CultureInfo.InvariantCulture);
        var period = PeriodMicroseconds.ToString(CultureInfo.InvariantCulture);
        try
        {
            if (File.Exists(Path.Combine(Root, "cgroup.controllers")))
            {
                // v2: the cpu controller must be enabled for the root's children.
                File.AppendAllText(Path.Combine(Root, "cgroup.subtree_control"), "+cpu");
                var directory = Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
                File.WriteAllText(Path.Combine(directory, "cpu.max"), $"{quota} {period}");
                return new CpuQuota(directory, cores);
            }
            var v1 = Directory.CreateDirectory(Path.Combine(Root, "cpu", name)).FullName;
            File.WriteAllText(Path.Combine(v1, "cpu.cfs_period_us"), period);
            File.WriteAllText(Path.Combine(v1, "cpu.cfs_quota_us"), quota);
            return new CpuQuota(v1, cores);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BenchException($"a CPU quota needs a writable cgroup file system under {Root} (root): {e.Message}");
        }
    }

    /// <summary>The file a process writes its pid to in order to join the group (with all its threads, and the processes it starts later).</summary>
    public string ProcessesFile => Path.Combine(directory, "cgroup.procs");

    /// <summary>Of the scheduler periods in which the group ran, how many ended with its quota used up: the cap held it back.</summary>
    public (long Periods, long ThrottledPeriods) Throttling()
    {
        long periods = 0, throttled = 0;
        foreach (var line in File.ReadLines(Path.Combine(directory, "cpu.stat")))
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var value)) continue;
            switch (parts[0])
            {
                case "nr_periods": periods = value; break;
                case "nr_throttled": throttled = value; break;
            }
        }
        return (periods, throttled);
    }

    /// <summary>Removes the group; its process must have exited.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(directory);
        }
        catch (IOException)
        {
            // Still populated (a process that outlived its kill); the group costs nothing and is reused by name.
        }
    }
}

using System.Globalization;

namespace ComplianceGrains.Bench.Hosting;

/// <summary>CPU time (user + system, all threads) a process has used, read from /proc/&lt;pid&gt;/stat (Linux).</summary>
public static class ProcessCpu
{
    // USER_HZ: the unit of /proc's times, 100 on every Linux the runtime supports.
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TimeSpan.Zero; // exited meanwhile
        }
    }

    /// <summary>The summed CPU time of every process whose command name is <paramref name="command"/> (PostgreSQL's server and backends).</summary>
    public static TimeSpan OfCommand(string command)
    {
        var total = TimeSpan.Zero;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid)) continue;
            string name;
            try
            {
                name = File.ReadAllText(Path.Combine(directory, "comm")).TrimEnd('\n');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            if (name == command) total += Of(pid);
        }
        return total;
    }
}

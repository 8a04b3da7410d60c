namespace ComplianceGrains.Bench.Hosting;

/// <summary>The service under test: where it listens, the staff token, and the processes started for it (if any).</summary>
public sealed class ServerHandle(
    Uri url, string token, IReadOnlyList<ServerProcess> processes, int? grainHostPid, string? logDirectory,
    Func<Task<(TimeSpan ToReady, int Pid)>>? restart = null, bool usesPostgres = false)
    : IAsyncDisposable
{
    public Uri Url { get; } = url;
    public string Token { get; } = token;
    public string? LogDirectory { get; } = logDirectory;

    /// <summary>The process hosting the grains (its RSS is the memory figure), when known.</summary>
    public int? GrainHostPid { get; private set; } = grainHostPid;

    /// <summary>
    /// The CPU time used so far by each started process (by role), PostgreSQL's processes on this machine when the
    /// service runs on it, and this load generator.
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> CpuUse()
    {
        var use = processes.Where(p => !p.HasExited).ToDictionary(p => p.Role, p => ProcessCpu.Of(p.Pid));
        if (usesPostgres) use["postgres"] = ProcessCpu.OfCommand("postgres");
        use["load generator"] = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        return use;
    }

    /// <summary>The started processes that run under a CPU cap, with the cap.</summary>
    public IEnumerable<ServerProcess> CappedProcesses => processes.Where(p => p.Quota is not null);

    /// <summary>Kills the started embedded server and starts it again on the same data; the time until it was ready.</summary>
    public async Task<TimeSpan> RestartAsync()
    {
        if (restart is null) throw new BenchException("restarting needs a server started here with --start-embedded");
        var (toReady, pid) = await restart();
        GrainHostPid = pid;
        return toReady;
    }

    /// <summary>Stops the started processes at once (the bench itself is being interrupted).</summary>
    public void Kill()
    {
        foreach (var process in processes.Reverse()) process.Kill();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes.Reverse()) await process.DisposeAsync();
    }
}

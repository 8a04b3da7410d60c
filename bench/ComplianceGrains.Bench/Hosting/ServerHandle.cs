namespace ComplianceGrains.Bench.Hosting;

/// <summary>The service under test: where it listens, the staff token, and the processes started for it (if any).</summary>
public sealed class ServerHandle(
    Uri url, string token, IReadOnlyList<ServerProcess> processes, int? grainHostPid, string? logDirectory,
    Func<Task<(TimeSpan ToReady, int Pid)>>? restart = null)
    : IAsyncDisposable
{
    public Uri Url { get; } = url;
    public string Token { get; } = token;
    public string? LogDirectory { get; } = logDirectory;

    /// <summary>The process hosting the grains (its RSS is the memory figure), when known.</summary>
    public int? GrainHostPid { get; private set; } = grainHostPid;

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

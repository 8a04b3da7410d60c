namespace ComplianceGrains.Bench.Hosting;

/// <summary>The service under test: where it listens, the staff token, and the processes started for it (if any).</summary>
public sealed class ServerHandle(Uri url, string token, IReadOnlyList<ServerProcess> processes, int? grainHostPid, string? logDirectory)
    : IAsyncDisposable
{
    public Uri Url { get; } = url;
    public string Token { get; } = token;
    public string? LogDirectory { get; } = logDirectory;

    /// <summary>The process hosting the grains (its RSS is the memory figure), when known.</summary>
    public int? GrainHostPid { get; } = grainHostPid;

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

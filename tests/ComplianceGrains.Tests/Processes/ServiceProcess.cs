using System.Collections.Concurrent;
using System.Diagnostics;

namespace ComplianceGrains.Tests.Processes;

/// <summary>
/// A built service executable run as <c>dotnet &lt;dll&gt;</c>, with the end of its output kept for failure reports.
/// Every process still running when the test host exits is killed.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private const int DefaultKeptLines = 80;
    private static readonly ConcurrentDictionary<ServiceProcess, byte> Running = new();
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    static ServiceProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Keys) process.Kill();
    };

    private readonly int _keptLines;

    private ServiceProcess(string name, Process process, int keptLines)
    {
        Name = name;
        _process = process;
        _keptLines = keptLines;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's process id (the process is <c>dotnet</c> itself, not a child of it).</summary>
    public int ProcessId => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <summary>Waits for the process to exit by itself; false when it still runs after <paramref name="timeout"/>.</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public static ServiceProcess Start(string name, string dll, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Start(name, dll, environment, DefaultKeptLines, arguments);

    /// <param name="keptLines">How many of the newest output lines <see cref="RecentOutput"/> returns.</param>
    public static ServiceProcess Start(
        string name, string dll, IReadOnlyDictionary<string, string?> environment, int keptLines, params string[] arguments) =>
        Launch(name, Path.GetDirectoryName(dll)!, environment, keptLines, [dll, .. arguments]);

    /// <summary>Any <c>dotnet</c> command, such as the README's <c>dotnet run --project src/WebApi</c>.</summary>
    public static ServiceProcess StartDotnet(string name, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Launch(name, workingDirectory, environment, DefaultKeptLines, arguments);

    private static ServiceProcess Launch(
        string name, string workingDirectory, IReadOnlyDictionary<string, string?> environment, int keptLines, string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var service = new ServiceProcess(name, new Process { StartInfo = info }, keptLines);
        service._process.OutputDataReceived += (_, line) => service.Keep(line.Data);
        service._process.ErrorDataReceived += (_, line) => service.Keep(line.Data);
        service._process.Start();
        Running[service] = 0;
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        Running.TryRemove(this, out _);
    }

    /// <summary>SIGTERM, the orderly shutdown of a service manager; SIGKILL after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Keep($"did not stop within {grace.TotalSeconds} s; killed");
            }
        }
        Kill();
    }

    public string RecentOutput()
    {
        lock (_output) return string.Join('\n', _output);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > _keptLines) _output.Dequeue();
        }
    }
}

using System.Diagnostics;

namespace ComplianceGrains.Bench.Hosting;

/// <summary>
/// A built .NET program, its output appended to a log file; killed on dispose. It is started through a symbolic link
/// to its native launcher named after its role in the log directory (<c>dotnet &lt;dll&gt;</c> when there is no
/// launcher), so that on a shared machine other people's clean-ups that match process command lines by the
/// program's name (<c>pkill -f ComplianceGrains.WebApi</c>) do not stop the server in the middle of a measurement.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ServerProcess(Process process, StreamWriter log, string role, CpuQuota? quota)
    {
        this.process = process;
        this.log = log;
        Role = role;
        Quota = quota;
    }

    /// <summary>What the process is, named after its log file (<c>silo</c>, <c>silo-1</c>, <c>webapi</c>).</summary>
    public string Role { get; }

    /// <summary>The CPU cap the process runs under, if it was given one.</summary>
    public CpuQuota? Quota { get; }

    public int Pid => process.Id;
    public bool HasExited => process.HasExited;

    public static ServerProcess Start(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string logPath,
        double? cpuCores = null)
    {
        if (!File.Exists(dll)) throw new BenchException($"{dll} is missing: build it first with dotnet build -c Release.");
        var launcher = Path.ChangeExtension(dll, null);
        var program = File.Exists(launcher) ? RoleLink(launcher, logPath) : "dotnet";
        var role = Path.GetFileNameWithoutExtension(logPath);
        var quota = cpuCores is { } cores ? CpuQuota.Create($"compliance-bench-{Environment.ProcessId}-{role}", cores) : null;
        var info = new ProcessStartInfo(quota is null ? program : "/bin/sh")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (quota is not null)
        {
            // The shell joins the group and then becomes the program (same pid), so the runtime starts inside its cap:
            // .NET reads its CPU quota once, at start-up, and sizes its thread pool, spinning and GC from it, as it would
            // on a machine of that size. A process moved in after it started would go on believing it has every core.
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("echo $$ >> \"$0\" && exec \"$@\"");
            info.ArgumentList.Add(quota.ProcessesFile);
            info.ArgumentList.Add(program);
        }
        if (!File.Exists(launcher)) info.ArgumentList.Add(dll);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        // Idle thread-pool workers sleep at once instead of spinning (.NET's own setting; --server-env overrides it):
        // the bench's servers, PostgreSQL and the load generator share the machine's cores, and a worker spinning for
        // work takes its core from a process that has some. Every server started here gets it, the reference server too.
        info.Environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        foreach (var (name, value) in environment) info.Environment[name] = value;

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        if (!process.Start())
        {
            quota?.Dispose();
            throw new BenchException($"could not start {dll}");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, log, role, quota);
    }

    /// <summary>A link to the launcher named after the log file (<c>bench-webapi</c> for <c>webapi.log</c>); the launcher finds its program through it.</summary>
    private static string RoleLink(string launcher, string logPath)
    {
        var link = Path.Combine(Path.GetDirectoryName(logPath)!, "bench-" + Path.GetFileNameWithoutExtension(logPath));
        if (!File.Exists(link)) File.CreateSymbolicLink(link, launcher);
        return link;
    }

    /// <summary>Waits for a short-lived command (such as a migration) and fails when it does not succeed.</summary>
    public async Task WaitForSuccessAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        if (process.ExitCode != 0) throw new BenchException($"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} exited with {process.ExitCode}");
    }

    private static void Append(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log) log.WriteLine(line);
    }

    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Quota?.Dispose();
        lock (log) log.Dispose();
    }
}

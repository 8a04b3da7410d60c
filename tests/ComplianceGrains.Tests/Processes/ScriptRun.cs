using System.Diagnostics;

namespace ComplianceGrains.Tests.Processes;

/// <summary>One run of a script of the repository's <c>scripts/</c> folder: its exit code and what it printed.</summary>
public sealed record ScriptRun(int ExitCode, string Output, string Errors)
{
    /// <summary>Runs <c>bash scripts/<paramref name="script"/></c>; kills it and throws when it outlives <paramref name="timeout"/>.</summary>
    public static async Task<ScriptRun> RunAsync(
        string script, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment) info.Environment[name] = value;
        info.ArgumentList.Add(Path.Combine(Executables.RepositoryRoot, "scripts", script));
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/{script} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s.");
        }
        return new ScriptRun(process.ExitCode, await output, await errors);
    }
}

using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Processes;

/// <summary>
/// A PostgreSQL server of one test's own (scripts/postgres.sh on a free port and a temporary data directory), for
/// tests that stop the server: the shared test server must keep running for the other tests.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly int _port = FreePorts.Next();
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"compliance-pg-{Guid.NewGuid():N}");

    private PrivatePostgres()
    {
    }

    public string ConnectionString { get; private set; } = "";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var server = new PrivatePostgres();
        try
        {
            await server.StartAsync(TimeSpan.FromSeconds(120));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync(TimeSpan timeout) => ConnectionString = (await ScriptAsync("start", timeout)).Trim();

    public Task StopAsync() => ScriptAsync("stop", TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
        }
    }

    private async Task<string> ScriptAsync(string command, TimeSpan timeout)
    {
        var run = await ScriptRun.RunAsync("postgres.sh", [command],
            new Dictionary<string, string> { ["COMPLIANCE_PG_PORT"] = _port.ToString(), ["COMPLIANCE_PG_DATA"] = _data }, timeout);
        if (run.ExitCode != 0) throw new InvalidOperationException($"scripts/postgres.sh {command} failed ({run.ExitCode}): {run.Errors}");
        return run.Output;
    }
}

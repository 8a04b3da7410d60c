using System.Net;
using System.Net.Sockets;
using ComplianceGrains.Tests.Support;
using Xunit.Abstractions;

namespace ComplianceGrains.Tests.Processes;

/// <summary><c>scripts/cluster.sh</c> as an operator runs it: "ready" only when every silo is Active, the log of one that died.</summary>
[Collection(ProcessCollection.Name)]
public sealed class ClusterScriptTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(300);
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"compliance-cluster-{Guid.NewGuid():N}");
    private readonly string _postgresData = Path.Combine(Path.GetTempPath(), $"compliance-cluster-pg-{Guid.NewGuid():N}");
    private readonly int _base = FreePorts.Consecutive(8);

    private int SiloPort(int silo) => _base + 2 + silo;

    private string Url => $"http://127.0.0.1:{_base + 1}";

    [Fact]
    public async Task Up_fails_with_the_log_of_a_silo_that_could_not_start_and_succeeds_once_every_silo_is_active()
    {
        try
        {
            using (var occupied = new TcpListener(IPAddress.Any, SiloPort(1)))
            {
                occupied.Start();
                var failed = await ClusterScriptAsync("up", "2");
                Assert.NotEqual(0, failed.ExitCode);
                Assert.DoesNotContain("cluster ready", failed.Output);
                Assert.Contains("silo-1 exited; the end of", failed.Errors);
                var tail = failed.Errors[(failed.Errors.IndexOf("silo-1 exited", StringComparison.Ordinal))..].Split('\n').Skip(1);
                Assert.Contains(tail, line => line.Contains($"silo port {SiloPort(1)}", StringComparison.Ordinal) &&
                                              line.Contains("Address already in use", StringComparison.Ordinal));
            }

            // The port is free again: `up` starts what does not run yet and waits for both silos.
            var started = await ClusterScriptAsync("up", "2");
            Assert.True(started.ExitCode == 0, $"up failed ({started.ExitCode}): {started.Errors}");
            Assert.Contains("ComplianceGrains cluster ready", started.Output);
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{Url}/health/ready")).StatusCode);
            var status = await ClusterScriptAsync("status");
            Assert.Contains("silo-0: running", status.Output);
            Assert.Contains("silo-1: running", status.Output);
            Assert.Contains($"ready: {Url}", status.Output);
        }
        finally
        {
            var down = await ClusterScriptAsync("down");
            Assert.True(down.ExitCode == 0, $"down failed: {down.Errors}");
        }
        var after = await ClusterScriptAsync("status");
        Assert.DoesNotContain(": running", after.Output);
        Assert.Contains("postgres: not running", after.Output);
    }

    public void Dispose()
    {
        foreach (var directory in new[] { _state, _postgresData })
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    private async Task<ScriptRun> ClusterScriptAsync(params string[] arguments)
    {
        var run = await ScriptRun.RunAsync("cluster.sh", arguments, new Dictionary<string, string>
        {
            ["COMPLIANCE_CLUSTER_STATE"] = _state,
            ["COMPLIANCE_CLUSTER_CONFIGURATION"] = Executables.Configuration,
            ["COMPLIANCE_CLUSTER_SKIP_BUILD"] = "1",
            ["COMPLIANCE_PG_DATA"] = _postgresData,
            ["COMPLIANCE_CLUSTER_PG_PORT"] = _base.ToString(),
            ["COMPLIANCE_CLUSTER_URL"] = Url,
            ["COMPLIANCE_CLUSTER_SILO_PORT"] = SiloPort(0).ToString(),
            ["COMPLIANCE_CLUSTER_GATEWAY_PORT"] = (_base + 4).ToString(),
            ["COMPLIANCE_CLUSTER_METRICS_PORT"] = (_base + 6).ToString(),
            ["COMPLIANCE_ADMIN_TOKEN"] = "cluster-script-admin-token",
        }, ScriptTimeout);
        output.WriteLine($"$ cluster.sh {string.Join(' ', arguments)} → {run.ExitCode}\n{run.Output}\n{run.Errors}");
        return run;
    }
}

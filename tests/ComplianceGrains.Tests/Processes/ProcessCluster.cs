using System.Diagnostics;
using System.Net;
using ComplianceGrains.Tests.Support;
using Xunit.Abstractions;

namespace ComplianceGrains.Tests.Processes;

/// <summary>
/// Cluster mode as an operator runs it: silo processes and a front-end process (the built executables) on free ports,
/// sharing a migrated PostgreSQL database. Disposing kills every process it started.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    public const string AdminToken = "process-test-admin-token";
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    private readonly string _connectionString;
    private readonly ITestOutputHelper _output;
    private readonly string _clusterId = $"cluster-{Guid.NewGuid():N}";
    private readonly string _serviceId;
    private readonly int _httpPort = FreePorts.Next();
    private readonly List<ServiceProcess> _silos = [];
    private readonly List<int> _siloMetricsPorts = [];
    private readonly List<ServiceProcess> _exited = [];
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private ServiceProcess? _frontEnd;

    private ProcessCluster(string connectionString, ITestOutputHelper output, string? serviceId, IReadOnlyDictionary<string, string?>? settings)
    {
        _connectionString = connectionString;
        _settings = settings ?? new Dictionary<string, string?>();
        _serviceId = serviceId ?? $"service-{Guid.NewGuid():N}";
        _output = output;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_httpPort}"), Timeout = TimeSpan.FromSeconds(60) };
        Api = new ApiWorld(Http, AdminToken);
    }

    public HttpClient Http { get; }

    public ApiWorld Api { get; }

    public IReadOnlyList<ServiceProcess> Silos => _silos;

    /// <summary>The <c>/metrics</c> listener of each silo, on loopback.</summary>
    public IReadOnlyList<Uri> SiloMetrics => _siloMetricsPorts.Select(port => new Uri($"http://127.0.0.1:{port}/metrics")).ToList();

    /// <summary>
    /// Starts <paramref name="silos"/> silos and the front end and waits until the front end is ready; a new service id
    /// unless <paramref name="serviceId"/> names the one the database's grain states were stored for.
    /// <paramref name="settings"/> are environment variables given to every process (such as <c>Webhooks__AllowPrivateTargets</c>).
    /// </summary>
    public static async Task<ProcessCluster> StartAsync(
        string connectionString, int silos, ITestOutputHelper output, string? serviceId = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var cluster = new ProcessCluster(connectionString, output, serviceId, settings);
        try
        {
            await cluster.StartProcessesAsync(silos);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new HTTP client for the front end, for a test that wants one connection pool per simulated client.</summary>
    public HttpClient NewHttpClient(TimeSpan timeout) => new() { BaseAddress = Http.BaseAddress, Timeout = timeout };

    /// <summary>The index of the silo with that process id, or -1.</summary>
    public int IndexOfSilo(int processId) => _silos.FindIndex(silo => silo.ProcessId == processId);

    public void KillSilo(int index)
    {
        _silos[index].Kill();
        _output.WriteLine($"killed {_silos[index].Name}");
    }

    /// <summary>Stops every process the orderly way (front end first), then starts as many again on the same front-end port.</summary>
    public async Task RestartAsync()
    {
        var silos = _silos.Count;
        await StopAsync();
        await StartProcessesAsync(silos);
    }

    public async Task StopAsync()
    {
        var clock = Stopwatch.StartNew();
        if (_frontEnd is { } frontEnd) await frontEnd.StopAsync(StopGrace);
        await Task.WhenAll(_silos.Select(silo => silo.StopAsync(StopGrace)));
        Retire();
        _output.WriteLine($"stopped every process in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        string last = "no answer";
        while (clock.Elapsed < timeout)
        {
            if (_frontEnd!.HasExited) break;
            try
            {
                using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                using var response = await Http.GetAsync("/health/ready", probe.Token);
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = $"{(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                last = e.Message;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException(
            $"The front end was not ready within {timeout.TotalSeconds} s (last: {last}).\n{Diagnostics()}");
    }

    /// <summary>The end of every process's output, for failure messages.</summary>
    public string Diagnostics() => string.Join("\n", _exited.Concat(_silos).Append(_frontEnd).OfType<ServiceProcess>()
        .Select(process => $"--- {process.Name}{(process.HasExited ? " (exited)" : "")}\n{process.RecentOutput()}"));

    public async ValueTask DisposeAsync()
    {
        _frontEnd?.Kill();
        foreach (var silo in _silos) silo.Kill();
        Retire();
        foreach (var process in _exited)
        {
            _output.WriteLine($"--- {process.Name}\n{process.RecentOutput()}");
            process.Dispose();
        }
        _exited.Clear();
        Http.Dispose();
        await Task.CompletedTask;
    }

    private async Task StartProcessesAsync(int silos)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < silos; i++)
        {
            if (_siloMetricsPorts.Count <= i) _siloMetricsPorts.Add(FreePorts.Next());
            _silos.Add(ServiceProcess.Start($"silo-{i}", Executables.Silo, Environment(
                ("Metrics__Port", _siloMetricsPorts[i].ToString()),
                ("Orleans__SiloPort", FreePorts.Next().ToString()),
                ("Orleans__GatewayPort", FreePorts.Next().ToString()),
                ("Orleans__AdvertisedAddress", "127.0.0.1"))));
        }
        _frontEnd = ServiceProcess.Start("front end", Executables.WebApi, Environment(
            ("COMPLIANCE_ADMIN_TOKEN", AdminToken)), "--urls", Http.BaseAddress!.ToString());
        await WaitUntilReadyAsync(ReadyTimeout);
        _output.WriteLine($"{silos} silos and the front end ready in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private Dictionary<string, string?> Environment(params (string Key, string Value)[] specific)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Hosting__Mode"] = "Cluster",
            ["ConnectionStrings__Compliance"] = _connectionString,
            ["Orleans__ClusterId"] = _clusterId,
            ["Orleans__ServiceId"] = _serviceId,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["COMPLIANCE_ADMIN_TOKEN"] = null,
            // Below the 10 s bound of the kill test, above the 4 s default: on a shared, loaded test machine a forming
            // cluster's first calls may take longer than the default while nothing is wrong.
            ["Orleans__ClientResponseTimeout"] = "00:00:08",
        };
        foreach (var (key, value) in _settings) environment[key] = value;
        foreach (var (key, value) in specific) environment[key] = value;
        return environment;
    }

    /// <summary>Keeps stopped processes for the diagnostics and forgets them as members of the cluster.</summary>
    private void Retire()
    {
        _exited.AddRange(_silos);
        if (_frontEnd is not null) _exited.Add(_frontEnd);
        _silos.Clear();
        _frontEnd = null;
    }
}

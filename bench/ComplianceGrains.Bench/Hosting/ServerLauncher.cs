using System.Net;

namespace ComplianceGrains.Bench.Hosting;

/// <summary>
/// Uses the service at <c>--url</c>, or starts the Release builds: embedded (one WebApi process with a co-hosted
/// silo, on SQLite in a new data directory, or in memory with --in-memory) or cluster (migrate, --silos silos, one WebApi client, all on PostgreSQL) on free ports.
/// </summary>
public static class ServerLauncher
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public static async Task<ServerHandle> LaunchAsync(BenchOptions options)
    {
        var token = options.Token ?? Environment.GetEnvironmentVariable("COMPLIANCE_ADMIN_TOKEN");
        if (!options.StartEmbedded && !options.StartCluster)
            return new ServerHandle(options.Url, token ?? throw new BenchException("--token (or COMPLIANCE_ADMIN_TOKEN) is required for --url."),
                [], options.ServerPid, null);

        token ??= "bench-" + Guid.NewGuid().ToString("N");
        var logs = Directory.CreateTempSubdirectory("compliance-bench-").FullName;
        Console.WriteLine($"server logs: {logs}");
        var url = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var processes = new List<ServerProcess>();
        try
        {
            var grainHost = options.StartCluster
                ? await StartClusterAsync(options, token, url, logs, processes)
                : StartEmbedded(EmbeddedEnvironment(options, token, logs), url, logs, processes);
            await WaitAsync(url, "/health/ready", processes);
            Console.WriteLine($"server ready at {url} (grain host pid {grainHost.Pid})");
            return new ServerHandle(url, token, processes, grainHost.Pid, logs,
                options.StartEmbedded ? () => RestartEmbeddedAsync(EmbeddedEnvironment(options, token, logs), url, logs, processes) : null,
                usesPostgres: options.StartCluster);
        }
        catch
        {
            foreach (var process in processes) await process.DisposeAsync();
            throw;
        }
    }

    private static Dictionary<string, string> EmbeddedEnvironment(BenchOptions options, string token, string logs)
    {
        var environment = new Dictionary<string, string>(options.ServerEnvironment)
        {
            ["COMPLIANCE_ADMIN_TOKEN"] = token,
            ["Orleans__SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(),
        };
        if (options.InMemory) environment["Storage__Mode"] = "Memory";
        else environment["COMPLIANCE_DATA_DIR"] = Path.Combine(logs, "data");
        return environment;
    }

    private static ServerProcess StartEmbedded(
        IReadOnlyDictionary<string, string> environment, Uri url, string logs, List<ServerProcess> processes)
    {
        var webApi = ServerProcess.Start(RepositoryPaths.WebApiDll, ["--urls", url.ToString()], environment,
            Path.Combine(logs, $"webapi-{processes.Count}.log"));
        processes.Add(webApi);
        return webApi;
    }

    /// <summary>Kills the embedded server (no shutdown code runs) and starts a new one on its data directory.</summary>
    private static async Task<(TimeSpan ToReady, int Pid)> RestartEmbeddedAsync(
        IReadOnlyDictionary<string, string> environment, Uri url, string logs, List<ServerProcess> processes)
    {
        foreach (var process in processes) await process.DisposeAsync();
        processes.Clear();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var webApi = StartEmbedded(environment, url, logs, processes);
        await WaitAsync(url, "/health/ready", processes);
        return (clock.Elapsed, webApi.Pid);
    }

    /// <summary>
    /// Migrates, starts the silos one after the other (each once the previous one serves its metrics port, i.e. has
    /// joined the cluster; each under its own CPU cap with --silo-cpu), then the front end; returns the first silo.
    /// </summary>
    private static readonly KeyValuePair<string, string> CappedSiloCallTimeout = new("Orleans__ClientResponseTimeout", "00:00:30");

    private static async Task<ServerProcess> StartClusterAsync(BenchOptions options, string token, Uri url, string logs, List<ServerProcess> processes)
    {
        var silos = options.Silos;
        var shared = new Dictionary<string, string>(options.ServerEnvironment)
        {
            ["ConnectionStrings__Compliance"] = options.Postgres!,
            ["Hosting__Mode"] = "Cluster",
            ["Orleans__ClusterId"] = "bench-" + Guid.NewGuid().ToString("N")[..8],
        };
        var migrate = ServerProcess.Start(RepositoryPaths.SiloDll, ["migrate"], shared, Path.Combine(logs, "migrate.log"));
        await using (migrate) await migrate.WaitForSuccessAsync(StartTimeout);

        for (var i = 0; i < silos; i++)
        {
            var metrics = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
            processes.Add(ServerProcess.Start(RepositoryPaths.SiloDll, [], new Dictionary<string, string>(shared)
            {
                ["Orleans__SiloPort"] = FreePorts.Next().ToString(),
                ["Orleans__GatewayPort"] = FreePorts.Next().ToString(),
                ["Orleans__AdvertisedAddress"] = "127.0.0.1",
                ["Metrics__Port"] = metrics.Port.ToString(),
            }, Path.Combine(logs, i == 0 ? "silo.log" : $"silo-{i}.log"), options.SiloCpu));
            // Any answer will do (telemetry off answers 404): the listener starts after the silo has joined.
            if (silos > 1) await WaitAsync(metrics, "/metrics", processes, anyAnswer: true);
        }
        var first = processes[0];
        var frontEnd = new Dictionary<string, string>(shared) { ["COMPLIANCE_ADMIN_TOKEN"] = token };
        // A silo capped below a core answers its first calls (JIT, activations while the bench seeds) slower than the
        // front end's 4 s grain-call timeout; the measurement is of the warm silo, so the front end waits longer.
        if (options.SiloCpu is not null) frontEnd.TryAdd(CappedSiloCallTimeout.Key, CappedSiloCallTimeout.Value);
        processes.Add(ServerProcess.Start(RepositoryPaths.WebApiDll, ["--urls", url.ToString()], frontEnd, Path.Combine(logs, "webapi.log")));
        return first;
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200 (or anything, with <paramref name="anyAnswer"/>); fails when one of the processes exits first.</summary>
    public static async Task WaitAsync(Uri url, string path, IReadOnlyList<ServerProcess> processes, bool anyAnswer = false)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (processes.FirstOrDefault(p => p.HasExited) is { } exited) throw new BenchException($"server process {exited.Pid} exited during start-up");
            try
            {
                using var response = await http.GetAsync(path);
                if (anyAnswer || response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new BenchException($"{url}{path.TrimStart('/')} did not answer 200 within {StartTimeout.TotalSeconds} s");
    }
}

using System.Globalization;

namespace ComplianceGrains.Bench;

/// <summary>The command line: a scenario name followed by <c>--name value</c> options and flags.</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        usage: ComplianceGrains.Bench <scenario> [options]
          scenarios: health, completion-status, submit, ratios, overview, pending-page, attach, memory, pg-submit,
                     submit-breakdown (one layer of a submission added per load),
                     scale (overview, pending-page and memory on one world seeded once),
                     pages (the provider dashboard and offering-user pages of 50, signed in with a cookie),
                     consistency (overview counters = projection recount = grain recount after submissions
                     and a checklist change under load),
                     cold-start (--start-embedded: seed --users, stop the server, time a new one on the same data
                     directory to /health/ready)
          --url URL              the service (default http://127.0.0.1:8080; ignored with --start-embedded/--start-cluster)
          --token T              the staff token (default: COMPLIANCE_ADMIN_TOKEN, or a random one for a started server)
          --users N              offering users to seed (default 2000)
          --baseline-users N     overview: the small size measured first (default 1000)
          --concurrency C        concurrent clients (default 32)
          --duration S           seconds measured per load (default 15), after a warm-up of --warmup S (default 20: under a new
                                 load the servers' tiered JIT recompiles hot methods for about that long)
          --start-embedded       start the Release-built src/WebApi (embedded silo) on free ports and stop it at the end;
                                 its storage is SQLite (the default) in a new data directory beside the server logs
          --in-memory            with --start-embedded: the server's memory mode (Storage:Mode=Memory) instead of SQLite
          --start-cluster        with --postgres: migrate, start the Release-built src/Silo and src/WebApi in cluster mode
          --silos N              with --start-cluster: N silos (default 1), each started once the previous one has joined
          --silo-cpu CORES       with --start-cluster: each silo in a CPU control group of its own, capped at CORES cores
                                 (e.g. 0.3; needs root): silos of a fixed capacity, as on machines of their own
          --postgres CS          a PostgreSQL connection string (pg-submit; --start-cluster); pg-submit also runs the
                                 conventional bench/ReferenceServer (build it with -c Release) and pgbench on it; with
                                 --start-embedded measures the ceiling of a server that stores nothing there
          --server-env NAME=VALUE  an extra environment variable for started servers (repeatable), e.g. DOTNET_gcServer=0
          --telemetry on|off     started servers with OpenTelemetry, /metrics and the Orleans dashboard (on, the default) or
                                 without any of them (off), to measure what they cost
          --server-pid PID       the process whose RSS the memory scenario reads when the server was not started here
          --settle S             memory, scale: after the first reading, wait S seconds (grains with a short idle timeout,
                                 such as users', are collected), read every completion_status/ again, read the RSS again
          --out FILE             also write the results as JSON
        """;

    public required string Scenario { get; init; }
    public Uri Url { get; init; } = new("http://127.0.0.1:8080");
    public string? Token { get; init; }
    public int Users { get; init; } = 2000;
    public int BaselineUsers { get; init; } = 1000;
    public int Concurrency { get; init; } = 32;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(20);
    public bool StartEmbedded { get; init; }
    public bool InMemory { get; init; }
    public bool StartCluster { get; init; }
    public int Silos { get; init; } = 1;
    public double? SiloCpu { get; init; }
    public string? Postgres { get; init; }
    public int? ServerPid { get; init; }
    public TimeSpan Settle { get; init; } = TimeSpan.Zero;
    public IReadOnlyDictionary<string, string> ServerEnvironment { get; init; } = new Dictionary<string, string>();
    public string? Out { get; init; }

    public static bool TryParse(string[] args, out BenchOptions? options, out string? error)
    {
        options = null;
        error = null;
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            error = "A scenario is required.";
            return false;
        }
        var result = new BenchOptions { Scenario = args[0] };
        try
        {
            for (var i = 1; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
                result = args[i] switch
                {
                    "--url" => result with { Url = new Uri(Value()) },
                    "--token" => result with { Token = Value() },
                    "--users" => result with { Users = Positive(Value()) },
                    "--baseline-users" => result with { BaselineUsers = Positive(Value()) },
                    "--concurrency" => result with { Concurrency = Positive(Value()) },
                    "--duration" => result with { Duration = TimeSpan.FromSeconds(Positive(Value())) },
                    "--warmup" => result with { Warmup = TimeSpan.FromSeconds(int.Parse(Value(), CultureInfo.InvariantCulture)) },
                    "--start-embedded" => result with { StartEmbedded = true },
                    "--in-memory" => result with { InMemory = true },
                    "--start-cluster" => result with { StartCluster = true },
                    "--silos" => result with { Silos = Positive(Value()) },
                    "--silo-cpu" => result with { SiloCpu = Cores(Value()) },
                    "--postgres" => result with { Postgres = Value() },
                    "--server-env" => result with { ServerEnvironment = WithVariable(result.ServerEnvironment, Value()) },
                    "--telemetry" => result with { ServerEnvironment = WithTelemetry(result.ServerEnvironment, Value()) },
                    "--server-pid" => result with { ServerPid = Positive(Value()) },
                    "--settle" => result with { Settle = TimeSpan.FromSeconds(Positive(Value())) },
                    "--out" => result with { Out = Value() },
                    _ => throw new FormatException($"Unknown option {args[i]}."),
                };
            }
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }
        if (result.StartCluster && result.Postgres is null)
        {
            error = "--start-cluster needs --postgres.";
            return false;
        }
        if (result.SiloCpu is not null && !result.StartCluster)
        {
            error = "--silo-cpu needs --start-cluster.";
            return false;
        }
        options = result;
        return true;
    }

    private static Dictionary<string, string> WithVariable(IReadOnlyDictionary<string, string> variables, string assignment)
    {
        var separator = assignment.IndexOf('=');
        if (separator <= 0) throw new FormatException($"'{assignment}' is not NAME=VALUE.");
        return new Dictionary<string, string>(variables) { [assignment[..separator]] = assignment[(separator + 1)..] };
    }

    private static Dictionary<string, string> WithTelemetry(IReadOnlyDictionary<string, string> variables, string onOrOff)
    {
        var enabled = onOrOff switch
        {
            "on" => "true",
            "off" => "false",
            _ => throw new FormatException($"--telemetry takes on or off, not '{onOrOff}'."),
        };
        return new Dictionary<string, string>(variables) { ["Telemetry__Enabled"] = enabled, ["Dashboard__Enabled"] = enabled };
    }

    private static double Cores(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0.01
            ? value
            : throw new FormatException($"'{text}' is not a number of cores (at least 0.01).");

    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"'{text}' is not a positive integer.");
}

using System.Text.Json;

namespace ComplianceGrains.Bench.Reporting;

/// <summary>Writes a scenario report, with the options and the machine it ran on, as JSON.</summary>
public static class ResultsFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Write(string path, BenchOptions options, string machine, ScenarioReport report)
    {
        var document = new
        {
            scenario = report.Name,
            recorded = DateTime.UtcNow,
            machine,
            options = new
            {
                users = options.Users,
                baseline_users = options.BaselineUsers,
                concurrency = options.Concurrency,
                duration_seconds = options.Duration.TotalSeconds,
                warmup_seconds = options.Warmup.TotalSeconds,
                silos = options.StartCluster ? options.Silos : (int?)null,
                silo_cpu_cores = options.SiloCpu,
                mode = options.StartCluster ? "cluster (started)" : options.StartEmbedded ? "embedded (started)" : options.Url.ToString(),
            },
            loads = report.Loads.Select(l => new
            {
                l.Name, l.Concurrency, l.Seconds, l.Requests, l.Errors, l.RequestsPerSecond,
                p50_ms = l.Latency.P50Ms, p95_ms = l.Latency.P95Ms, p99_ms = l.Latency.P99Ms, max_ms = l.Latency.MaxMs, l.FirstError,
                cpu_us_per_request = l.CpuMicrosecondsPerRequest,
            }),
            figures = report.Figures,
            checks = report.Checks,
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
        Console.WriteLine($"results written to {path}");
    }
}

using System.Diagnostics;

namespace ComplianceGrains.Bench.Load;

/// <summary>
/// Drives operations from C concurrent clients, each sending its next request as soon as the previous one answered
/// (closed loop), first for the warm-up (not recorded), then for the measured duration (every request recorded).
/// With several operations each client takes them in turn, so they are measured side by side under the same
/// conditions (the machine is shared and its load drifts), each with its own latency record.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(string name, LoadSettings settings, Func<Random, Task> operation) =>
        (await RunInterleavedAsync(settings, (name, operation)))[0];

    public static async Task<IReadOnlyList<LoadResult>> RunInterleavedAsync(LoadSettings settings, params (string Name, Func<Random, Task> Operation)[] operations)
    {
        var names = string.Join(" + ", operations.Select(o => o.Name));
        Console.WriteLine($"  {names}: {settings.Concurrency} clients, {settings.Warmup.TotalSeconds:0} s warm-up + {settings.Duration.TotalSeconds:0} s");
        var functions = operations.Select(o => o.Operation).ToArray();
        if (settings.Warmup > TimeSpan.Zero) await PhaseAsync(settings.Concurrency, settings.Warmup, functions);
        var cpuBefore = settings.CpuUse?.Invoke();
        var (workers, seconds) = await PhaseAsync(settings.Concurrency, settings.Duration, functions);
        var cpuAfter = settings.CpuUse?.Invoke();
        return operations.Select((o, i) =>
        {
            var ticks = workers.SelectMany(w => w.Ticks[i]).ToList();
            var firstError = workers.Select(w => w.FirstError[i]).FirstOrDefault(e => e is not null);
            var cpu = operations.Length == 1 && cpuBefore is not null && cpuAfter is not null ? PerRequest(cpuBefore, cpuAfter, ticks.Count) : null;
            return new LoadResult(o.Name, settings.Concurrency, seconds, ticks.Count, workers.Sum(w => w.Errors[i]), LatencySummary.From(ticks), firstError, cpu);
        }).ToList();
    }

    private static Dictionary<string, double>? PerRequest(
        IReadOnlyDictionary<string, TimeSpan> before, IReadOnlyDictionary<string, TimeSpan> after, int requests) =>
        requests == 0
            ? null
            : after.Where(a => before.ContainsKey(a.Key))
                .ToDictionary(a => a.Key, a => (a.Value - before[a.Key]).TotalMicroseconds / requests);

    private static async Task<(Worker[] Workers, double Seconds)> PhaseAsync(int concurrency, TimeSpan duration, Func<Random, Task>[] operations)
    {
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency)
            .Select(i => new Worker(new Random(i * 7919 + Environment.TickCount), operations, first: i % operations.Length))
            .ToArray();
        await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync(deadline))));
        return (workers, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    private sealed class Worker(Random random, Func<Random, Task>[] operations, int first)
    {
        public List<long>[] Ticks { get; } = operations.Select(_ => new List<long>(4096)).ToArray();
        public long[] Errors { get; } = new long[operations.Length];
        public string?[] FirstError { get; } = new string?[operations.Length];

        public async Task RunAsync(long deadline)
        {
            for (var next = first; Stopwatch.GetTimestamp() < deadline; next = (next + 1) % operations.Length)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operations[next](random);
                    Ticks[next].Add(Stopwatch.GetTimestamp() - started);
                }
                catch (Exception e) when (e is BenchException or HttpRequestException or TaskCanceledException or Npgsql.NpgsqlException)
                {
                    Errors[next]++;
                    FirstError[next] ??= e.Message;
                }
            }
        }
    }
}

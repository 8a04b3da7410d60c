using System.Diagnostics;

namespace ComplianceGrains.Bench.Load;

/// <summary>
/// Drives one operation from C concurrent clients, each sending its next request as soon as the previous one
/// answered (closed loop), first for the warm-up (not recorded), then for the measured duration (every request
/// recorded).
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(string name, LoadSettings settings, Func<Random, Task> operation)
    {
        Console.WriteLine($"  {name}: {settings.Concurrency} clients, {settings.Warmup.TotalSeconds:0} s warm-up + {settings.Duration.TotalSeconds:0} s");
        if (settings.Warmup > TimeSpan.Zero) await PhaseAsync(settings.Concurrency, settings.Warmup, operation);
        var phase = await PhaseAsync(settings.Concurrency, settings.Duration, operation);
        var ticks = phase.Workers.SelectMany(w => w.Ticks).ToList();
        var errors = phase.Workers.Sum(w => w.Errors);
        var firstError = phase.Workers.Select(w => w.FirstError).FirstOrDefault(e => e is not null);
        return new LoadResult(name, settings.Concurrency, phase.Seconds, ticks.Count, errors, LatencySummary.From(ticks), firstError);
    }

    private static async Task<(Worker[] Workers, double Seconds)> PhaseAsync(int concurrency, TimeSpan duration, Func<Random, Task> operation)
    {
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(i => new Worker(new Random(i * 7919 + Environment.TickCount))).ToArray();
        await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync(operation, deadline))));
        return (workers, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    private sealed class Worker(Random random)
    {
        public List<long> Ticks { get; } = new(4096);
        public long Errors { get; private set; }
        public string? FirstError { get; private set; }

        public async Task RunAsync(Func<Random, Task> operation, long deadline)
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operation(random);
                    Ticks.Add(Stopwatch.GetTimestamp() - started);
                }
                catch (Exception e) when (e is BenchException or HttpRequestException or TaskCanceledException or Npgsql.NpgsqlException)
                {
                    Errors++;
                    FirstError ??= e.Message;
                }
            }
        }
    }
}

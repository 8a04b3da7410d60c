using System.Diagnostics;

namespace ComplianceGrains.Bench.Seeding;

/// <summary>"label: done/total (rate/s)" on one console line, refreshed every second; a final line on dispose.</summary>
public sealed class ProgressLine : IDisposable
{
    private readonly string label;
    private readonly int total;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Timer timer;
    private int done;

    public ProgressLine(string label, int total)
    {
        this.label = label;
        this.total = total;
        timer = new Timer(_ => Write(final: false), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(Console.IsOutputRedirected ? 10 : 1));
    }

    public TimeSpan Elapsed => clock.Elapsed;

    public void Increment() => Interlocked.Increment(ref done);

    private void Write(bool final)
    {
        var count = Volatile.Read(ref done);
        var rate = count / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var text = $"  {label}: {count}/{total} ({rate:0}/s, {clock.Elapsed.TotalSeconds:0} s)";
        lock (timer)
        {
            if (Console.IsOutputRedirected) Console.WriteLine(text);
            else Console.Write("\r" + text.PadRight(Console.WindowWidth > 0 ? Math.Min(Console.WindowWidth - 1, 100) : 80) + (final ? "\n" : ""));
        }
    }

    public void Dispose()
    {
        timer.Dispose();
        clock.Stop();
        Write(final: true);
    }
}

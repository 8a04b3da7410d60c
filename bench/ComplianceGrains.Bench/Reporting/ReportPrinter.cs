using System.Globalization;
using System.Text;

namespace ComplianceGrains.Bench.Reporting;

/// <summary>Prints a scenario report as a plain-text table followed by one summary line per bar check.</summary>
public static class ReportPrinter
{
    private static readonly string[] Header = ["load", "clients", "secs", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"];

    public static void Print(ScenarioReport report)
    {
        Console.WriteLine();
        Console.WriteLine($"== {report.Name} ==");
        if (report.Loads.Count > 0) Console.Write(Table(report));
        foreach (var load in report.Loads.Where(l => l.CpuMicrosecondsPerRequest is not null))
            Console.WriteLine($"CPU per request in {load.Name}: " +
                string.Join(", ", load.CpuMicrosecondsPerRequest!.Select(c => $"{c.Key} {c.Value.ToString("0", CultureInfo.InvariantCulture)} µs")));
        foreach (var figure in report.Figures) Console.WriteLine($"{figure.Name}: {figure.Value.ToString("0.###", CultureInfo.InvariantCulture)} {figure.Unit}");
        foreach (var load in report.Loads.Where(l => l.FirstError is not null)) Console.WriteLine($"first error in {load.Name}: {load.FirstError}");
        foreach (var check in report.Checks)
            Console.WriteLine($"SUMMARY {check.Name} = {check.Value.ToString("0.###", CultureInfo.InvariantCulture)} (bar {check.Bar}: {(check.Met ? "met" : "NOT met")})");
    }

    private static string Table(ScenarioReport report)
    {
        var rows = report.Loads.Select(l => new[]
        {
            l.Name, l.Concurrency.ToString(CultureInfo.InvariantCulture), F(l.Seconds, "0.0"), l.Requests.ToString(CultureInfo.InvariantCulture),
            l.Errors.ToString(CultureInfo.InvariantCulture), F(l.RequestsPerSecond, "0"), F(l.Latency.P50Ms, "0.00"), F(l.Latency.P95Ms, "0.00"),
            F(l.Latency.P99Ms, "0.00"), F(l.Latency.MaxMs, "0.0"),
        }).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
            if (index == 0) text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
        return text.ToString();
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

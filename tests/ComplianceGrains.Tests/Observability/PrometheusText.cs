using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ComplianceGrains.Tests.Observability;

/// <summary>A scrape of <c>/metrics</c> (Prometheus text format 0.0.4), checked by Debian's promtool and read by sample.</summary>
public sealed partial class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>
    /// The sum of the samples of <paramref name="name"/> that carry every given label (0 when none does).
    /// </summary>
    public double Value(string name, params (string Label, string Value)[] labels)
    {
        var total = 0.0;
        foreach (Match sample in Sample().Matches(Text))
        {
            if (sample.Groups["name"].Value != name) continue;
            var present = Label().Matches(sample.Groups["labels"].Value)
                .ToDictionary(label => label.Groups["key"].Value, label => label.Groups["value"].Value);
            if (labels.All(l => present.TryGetValue(l.Label, out var value) && value == l.Value))
                total += double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return total;
    }

    /// <summary>
    /// Runs <c>promtool check metrics</c> on the text and returns its complaints. Exit code 1 is a parse failure and
    /// fails the test; 3 means lint remarks only (returned for the caller to judge).
    /// </summary>
    public async Task<IReadOnlyList<string>> LintAsync()
    {
        var info = new ProcessStartInfo("promtool", ["check", "metrics"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(Text);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        var remarks = (await output + await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(process.ExitCode is 0 or 3, $"promtool could not parse the scrape (exit {process.ExitCode}): {string.Join("\n", remarks)}");
        return remarks;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>(?:[^""}]|""(?:[^""\\]|\\.)*"")*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}

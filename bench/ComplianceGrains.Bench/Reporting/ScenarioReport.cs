using ComplianceGrains.Bench.Load;

namespace ComplianceGrains.Bench.Reporting;

/// <summary>A scalar measured by a scenario (a time, a size, a count).</summary>
public sealed record Figure(string Name, double Value, string Unit);

/// <summary>A measured value held against a QUALITY.md bar.</summary>
public sealed record BarCheck(string Name, double Value, string Bar, bool Met)
{
    public static BarCheck AtLeast(string name, double value, double limit) => new(name, value, $">= {limit:0.###}", value >= limit);

    public static BarCheck AtMost(string name, double value, double limit) => new(name, value, $"<= {limit:0.###}", value <= limit);
}

/// <summary>Everything one scenario measured: the loads, the other figures, and the bars checked.</summary>
public sealed class ScenarioReport(string name)
{
    public string Name { get; } = name;
    public List<LoadResult> Loads { get; } = [];
    public List<Figure> Figures { get; } = [];
    public List<BarCheck> Checks { get; } = [];

    public LoadResult Add(LoadResult load)
    {
        Loads.Add(load);
        return load;
    }

    public double Add(Figure figure)
    {
        Figures.Add(figure);
        Console.WriteLine($"  {figure.Name}: {figure.Value:0.###} {figure.Unit}");
        return figure.Value;
    }

    /// <summary>Adds the bar check "a / b" on throughput.</summary>
    public void ThroughputRatio(LoadResult numerator, LoadResult denominator, double atLeast) =>
        Checks.Add(BarCheck.AtLeast($"{numerator.Name} / {denominator.Name} req/s", Ratio(numerator.RequestsPerSecond, denominator.RequestsPerSecond), atLeast));

    public static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : double.NaN;
}

namespace ComplianceGrains.Bench.Seeding;

/// <summary>Runs an operation for each index with a bounded number in flight, showing progress.</summary>
public static class BoundedParallel
{
    public const int DefaultInFlight = 32;

    public static async Task<T[]> RunAsync<T>(string label, int count, Func<int, Task<T>> operation, int inFlight = DefaultInFlight)
    {
        var results = new T[count];
        using var progress = new ProgressLine(label, count);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = inFlight },
            async (i, _) =>
            {
                results[i] = await operation(i);
                progress.Increment();
            });
        return results;
    }
}

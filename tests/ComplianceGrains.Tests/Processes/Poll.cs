using System.Diagnostics;

namespace ComplianceGrains.Tests.Processes;

public static class Poll
{
    /// <summary>Retries <paramref name="condition"/> until it holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < timeout)
        {
            try
            {
                if (await condition()) return;
                last = null;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                last = e;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Not within {timeout.TotalSeconds} s: {what}" + (last is null ? "" : $" (last error: {last.Message})"));
    }
}

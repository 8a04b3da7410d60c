using System.Net;
using System.Net.Sockets;

namespace ComplianceGrains.Bench.Hosting;

/// <summary>
/// Ports nobody listens on right now: chosen by the operating system, or, when <c>COMPLIANCE_BENCH_PORTS</c> is
/// <c>first-last</c>, the next free one of that range (for a shared machine where each user keeps to a range).
/// </summary>
public static class FreePorts
{
    private static readonly (int First, int Last)? Range = ParseRange(Environment.GetEnvironmentVariable("COMPLIANCE_BENCH_PORTS"));
    private static int _next;

    public static int Next()
    {
        if (Range is not var (first, last)) return Listen(0)!.Value;
        for (var tried = 0; tried <= last - first; tried++)
        {
            var port = first + (Interlocked.Increment(ref _next) - 1) % (last - first + 1);
            if (Listen(port) is { } free) return free;
        }
        throw new BenchException($"COMPLIANCE_BENCH_PORTS {first}-{last} has no free port left.");
    }

    private static int? Listen(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private static (int, int)? ParseRange(string? value) =>
        value?.Split('-') is [var first, var last] && int.TryParse(first, out var f) && int.TryParse(last, out var l) && f <= l
            ? (f, l)
            : null;
}

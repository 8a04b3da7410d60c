using System.Net;
using System.Net.Sockets;

namespace ComplianceGrains.Bench.Hosting;

/// <summary>
/// Ports nobody listens on right now: chosen by the operating system, or, when <c>COMPLIANCE_BENCH_PORTS</c> names a
/// range (<c>20400-20499</c>), the next free one of that range, so that a bench on a shared machine keeps to its own ports.
/// </summary>
public static class FreePorts
{
    private static readonly (int First, int Last)? Range = ParseRange(Environment.GetEnvironmentVariable("COMPLIANCE_BENCH_PORTS"));
    private static int _next;

    public static int Next()
    {
        if (Range is not var (first, last)) return Listen(0);
        lock (typeof(FreePorts))
        {
            for (var tried = 0; tried <= last - first; tried++)
            {
                var port = first + (_next++ % (last - first + 1));
                try
                {
                    return Listen(port);
                }
                catch (SocketException)
                {
                    // In use: try the next one.
                }
            }
        }
        throw new BenchException($"No free port in COMPLIANCE_BENCH_PORTS {first}-{last}.");
    }

    private static int Listen(int port)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int, int)? ParseRange(string? text) =>
        text?.Split('-') is [var first, var last] && int.TryParse(first, out var f) && int.TryParse(last, out var l) && f <= l
            ? (f, l)
            : null;
}

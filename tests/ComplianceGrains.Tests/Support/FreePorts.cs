using System.Net;
using System.Net.Sockets;

namespace ComplianceGrains.Tests.Support;

/// <summary>
/// Ports for the servers the tests start: from the range in <c>COMPLIANCE_TEST_PORTS</c> (such as <c>20300-20399</c>)
/// when it is set, so that test runs sharing a machine keep to their own ports, otherwise one the system picks.
/// </summary>
public static class FreePorts
{
    private static readonly (int First, int Count)? Range = ParseRange(Environment.GetEnvironmentVariable("COMPLIANCE_TEST_PORTS"));
    private static int _cursor = -1;

    public static int Next()
    {
        if (Range is not { } range) return SystemPicked();
        // Round robin: a port handed out is not handed out again before the others, even while its server is not yet up.
        for (var tried = 0; tried < range.Count; tried++)
        {
            var port = range.First + (int)((uint)Interlocked.Increment(ref _cursor) % range.Count);
            if (IsFree(port)) return port;
        }
        throw new InvalidOperationException($"No free port in COMPLIANCE_TEST_PORTS ({range.First}-{range.First + range.Count - 1}).");
    }

    /// <summary>
    /// The first of <paramref name="count"/> consecutive free ports, for a script that numbers its servers' ports from a
    /// base: in the <c>COMPLIANCE_TEST_PORTS</c> range when it is set, else below the kernel's ephemeral range.
    /// </summary>
    public static int Consecutive(int count)
    {
        var (first, available) = Range ?? (20_000, 12_000);
        for (var attempt = 0; attempt < 200 && available >= count; attempt++)
        {
            var start = first + Random.Shared.Next(available - count + 1);
            if (Enumerable.Range(start, count).All(IsFree)) return start;
        }
        throw new InvalidOperationException($"No {count} consecutive free ports from {first} to {first + available - 1}.");
    }

    private static int SystemPicked()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static (int First, int Count)? ParseRange(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], out var first) || !int.TryParse(parts[1], out var last) || first < 1 || last < first || last > 65535)
            throw new InvalidOperationException($"COMPLIANCE_TEST_PORTS must look like 20300-20399, not \"{text}\".");
        return (first, last - first + 1);
    }
}

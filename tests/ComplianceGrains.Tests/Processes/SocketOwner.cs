using System.Globalization;

namespace ComplianceGrains.Tests.Processes;

/// <summary>
/// Which process holds one end of a TCP connection on this machine, read from Linux's <c>/proc</c>: the connection's
/// socket inode from <c>/proc/net/tcp[6]</c>, then the process whose file descriptors include that socket.
/// </summary>
public static class SocketOwner
{
    /// <summary>
    /// The one of <paramref name="candidates"/> holding the connection from local port <paramref name="localPort"/> to
    /// remote port <paramref name="remotePort"/>, or null when none does (or the connection is gone).
    /// </summary>
    public static int? ProcessOf(int localPort, int remotePort, IEnumerable<int> candidates)
    {
        if (Inode(localPort, remotePort) is not { } inode) return null;
        var socket = $"socket:[{inode}]";
        foreach (var pid in candidates)
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Any(fd => new FileInfo(fd).LinkTarget == socket)) return pid;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process is gone, or it is not ours to look at: not the owner.
            }
        }
        return null;
    }

    private static string? Inode(int localPort, int remotePort)
    {
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && Port(fields[1]) == localPort && Port(fields[2]) == remotePort && fields[9] != "0") return fields[9];
            }
        }
        return null;
    }

    private static int Port(string address) => int.Parse(address[(address.LastIndexOf(':') + 1)..], NumberStyles.HexNumber);
}

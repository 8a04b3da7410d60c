using Microsoft.Extensions.Configuration;

namespace ComplianceGrains.Silo;

/// <summary>
/// <c>Hosting:Mode</c>: <c>Embedded</c> (default; localhost clustering, in-memory storage and reminders) or
/// <c>Cluster</c> (membership, grain state and reminders in PostgreSQL, from <c>ConnectionStrings:Compliance</c>).
/// </summary>
public static class HostingMode
{
    public const string Key = "Hosting:Mode";
    public const string Embedded = "Embedded";
    public const string Cluster = "Cluster";

    /// <summary>The name under <c>ConnectionStrings</c> of the PostgreSQL database of cluster mode.</summary>
    public const string ConnectionStringName = "Compliance";

    public static bool IsCluster(IConfiguration configuration)
    {
        var mode = configuration[Key] ?? Embedded;
        if (mode.Equals(Cluster, StringComparison.OrdinalIgnoreCase)) return true;
        if (mode.Equals(Embedded, StringComparison.OrdinalIgnoreCase)) return false;
        throw new InvalidOperationException($"Unknown hosting mode '{mode}'. Supported: {Embedded}, {Cluster}.");
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} (environment: ConnectionStrings__{ConnectionStringName}) is not set.");
}

using Microsoft.Extensions.Configuration;

namespace ComplianceGrains.Silo;

/// <summary>
/// <c>Storage:Mode</c> of embedded mode: <c>Sqlite</c> (default; durable, one SQLite file in the data directory) or
/// <c>Memory</c> (forgotten on exit: tests, demos, the bench). <c>--in-memory</c> on the command line is
/// <c>Storage:Mode=Memory</c>.
/// </summary>
public static class StorageMode
{
    public const string Key = "Storage:Mode";
    public const string Sqlite = "Sqlite";
    public const string Memory = "Memory";
    public const string InMemorySwitch = "--in-memory";

    /// <summary><c>Storage:DataDirectory</c>, or the environment variable <c>COMPLIANCE_DATA_DIR</c>.</summary>
    public const string DataDirectoryKey = "Storage:DataDirectory";
    public const string DataDirectoryVariable = "COMPLIANCE_DATA_DIR";

    /// <summary>Relative to the content root.</summary>
    public const string DefaultDataDirectory = ".data/embedded";

    /// <summary>The command line with <c>--in-memory</c> spelled as the configuration key it stands for.</summary>
    public static string[] ExpandSwitches(string[] args) =>
        args.Select(arg => arg == InMemorySwitch ? $"--{Key}={Memory}" : arg).ToArray();

    public static bool IsMemory(IConfiguration configuration)
    {
        var mode = configuration[Key] ?? Sqlite;
        if (mode.Equals(Memory, StringComparison.OrdinalIgnoreCase)) return true;
        if (mode.Equals(Sqlite, StringComparison.OrdinalIgnoreCase)) return false;
        throw new InvalidOperationException($"Unknown storage mode '{mode}'. Supported: {Sqlite}, {Memory}.");
    }

    public static string DataDirectory(IConfiguration configuration)
    {
        var configured = configuration[DataDirectoryKey] is { Length: > 0 } fromSettings ? fromSettings
            : configuration[DataDirectoryVariable] is { Length: > 0 } fromEnvironment ? fromEnvironment
            : DefaultDataDirectory;
        var contentRoot = configuration[Microsoft.Extensions.Hosting.HostDefaults.ContentRootKey] is { Length: > 0 } root
            ? root
            : Directory.GetCurrentDirectory();
        return Path.GetFullPath(configured, contentRoot);
    }
}

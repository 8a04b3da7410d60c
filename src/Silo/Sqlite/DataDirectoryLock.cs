namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// The exclusive lock of one process on a data directory: a lock file opened with <see cref="FileShare.None"/> (an
/// advisory <c>flock</c> on Linux), held until disposed. The kernel releases it when the process dies, even by kill -9.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "compliance.lock";

    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file) => _file = file;

    /// <exception cref="DataDirectoryInUseException">Another process holds the directory.</exception>
    public static DataDirectoryLock Acquire(string directory)
    {
        Directory.CreateDirectory(directory);
        try
        {
            return new DataDirectoryLock(new FileStream(
                Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new DataDirectoryInUseException(directory, e);
        }
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>The data directory is held by another process.</summary>
public sealed class DataDirectoryInUseException(string directory, Exception inner)
    : Exception($"The data directory {directory} is in use by another process; stop it first, or give this one its own " +
        $"directory ({StorageMode.DataDirectoryKey} or {StorageMode.DataDirectoryVariable}).", inner)
{
    /// <summary>The exit code of a process that stops because its data directory is in use.</summary>
    public const int ExitCode = 3;

    public string Directory { get; } = directory;
}

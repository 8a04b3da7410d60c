namespace ComplianceGrains.Tests.Sqlite;

/// <summary>A data directory of its own for one test, removed at the end.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("compliance-embedded-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process of the test may still be releasing a file; the temporary directory is reclaimed later.
        }
    }
}

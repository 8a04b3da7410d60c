using ComplianceGrains.Silo;

namespace ComplianceGrains.Tests.Sqlite;

public sealed class ExportEmbeddedCommandTests
{
    [Fact]
    public async Task Exporting_a_directory_without_an_embedded_database_fails_without_creating_one()
    {
        using var directory = new TemporaryDirectory();

        Assert.Equal(1, await ExportEmbeddedCommand.RunAsync([directory.Path, "--to-postgres", "Host=127.0.0.1"]));
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));
    }

    [Fact]
    public async Task An_export_without_a_target_database_prints_its_usage()
    {
        using var directory = new TemporaryDirectory();
        Assert.Equal(2, await ExportEmbeddedCommand.RunAsync([directory.Path]));
    }
}

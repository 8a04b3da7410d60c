namespace ComplianceGrains.Tests.Processes;

/// <summary>
/// The silo and front-end assemblies built with this test assembly (the solution's build puts each in its project's
/// bin/&lt;configuration&gt;/&lt;framework&gt;/ directory).
/// </summary>
public static class Executables
{
    public static string Silo => Find("src/Silo", "ComplianceGrains.Silo.dll");

    public static string WebApi => Find("src/WebApi", "ComplianceGrains.WebApi.dll");

    private static readonly DirectoryInfo TestOutput = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>The build configuration (Debug, Release) of this test assembly, and so of the executables.</summary>
    public static string Configuration => TestOutput.Parent!.Name;

    public static string RepositoryRoot
    {
        get
        {
            var directory = TestOutput;
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ComplianceGrains.sln")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException($"No ComplianceGrains.sln above {TestOutput.FullName}.");
        }
    }

    private static string Find(string project, string dll)
    {
        var (framework, configuration) = (TestOutput.Name, TestOutput.Parent!.Name);
        var path = Path.Combine(RepositoryRoot, project, "bin", configuration, framework, dll);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: build the solution (dotnet build -c {configuration}) first.", path);
    }
}

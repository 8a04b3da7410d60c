namespace ComplianceGrains.Bench.Hosting;

/// <summary>Where the Release builds of the service live, found from the repository root (the folder with the solution).</summary>
public static class RepositoryPaths
{
    public static string WebApiDll => Build("WebApi", "ComplianceGrains.WebApi.dll");
    public static string SiloDll => Build("Silo", "ComplianceGrains.Silo.dll");
    public static string ReferenceServerDll => Path.Combine(Root(), "bench", "ReferenceServer", "bin", "Release", "net10.0", "ComplianceGrains.ReferenceServer.dll");
    public static string ReferenceReplayScript => Path.Combine(Root(), "bench", "ReferenceServer", "submit-answers.pgbench");

    private static string Build(string project, string dll) =>
        Path.Combine(Root(), "src", project, "bin", "Release", "net10.0", dll);

    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ComplianceGrains.sln"))) return dir.FullName;
        }
        throw new BenchException("Run the bench from inside the repository (ComplianceGrains.sln not found).");
    }
}

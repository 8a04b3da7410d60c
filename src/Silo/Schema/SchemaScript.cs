using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceGrains.Silo.Schema;

/// <summary>One file of <c>db/</c>, named <c>NNN_name.sql</c>; NNN is its version.</summary>
public sealed record SchemaScript(string Version, string Name, string Sql)
{
    private const string ResourcePrefix = "db/";

    /// <summary>Ignores line endings, which a checkout may change.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    public override string ToString() => $"{Version}_{Name}";

    /// <summary>The scripts embedded in this assembly (see the project file), in version order.</summary>
    public static IReadOnlyList<SchemaScript> Embedded { get; } = LoadEmbedded();

    private static SchemaScript[] LoadEmbedded()
    {
        var assembly = typeof(SchemaScript).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Parse(name[ResourcePrefix.Length..^".sql".Length], Read(assembly, name)))
            .OrderBy(script => script.Version, StringComparer.Ordinal)
            .ToArray();
    }

    private static SchemaScript Parse(string fileName, string sql)
    {
        var separator = fileName.IndexOf('_');
        if (separator <= 0 || !fileName[..separator].All(char.IsAsciiDigit))
            throw new InvalidOperationException($"db/{fileName}.sql must be named NNN_name.sql.");
        return new SchemaScript(fileName[..separator], fileName[(separator + 1)..], sql);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

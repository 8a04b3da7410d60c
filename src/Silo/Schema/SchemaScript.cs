using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceGrains.Silo.Schema;

/// <summary>One file of <c>db/</c> (PostgreSQL) or <c>db/sqlite/</c> (embedded mode), named <c>NNN_name.sql</c>; NNN is its version.</summary>
public sealed record SchemaScript(string Version, string Name, string Sql)
{
    private const string PostgresPrefix = "db/";
    private const string SqlitePrefix = "db-sqlite/";

    /// <summary>Ignores line endings, which a checkout may change.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    public override string ToString() => $"{Version}_{Name}";

    /// <summary>The PostgreSQL scripts embedded in this assembly (see the project file), in version order.</summary>
    public static IReadOnlyList<SchemaScript> Embedded { get; } = LoadEmbedded(PostgresPrefix);

    /// <summary>The SQLite scripts of embedded mode (<c>db/sqlite/</c>), in version order.</summary>
    public static IReadOnlyList<SchemaScript> EmbeddedSqlite { get; } = LoadEmbedded(SqlitePrefix);

    private static SchemaScript[] LoadEmbedded(string prefix)
    {
        var assembly = typeof(SchemaScript).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Parse(name[prefix.Length..^".sql".Length], Read(assembly, name)))
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

namespace ComplianceGrains.Tests.Postgres;

/// <summary>
/// The PostgreSQL server of the tests: <c>COMPLIANCE_TEST_POSTGRES</c> is a connection string to it (set by
/// scripts/test.sh, which starts one) whose login may create databases.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "COMPLIANCE_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>The connection string, or a failure that says how to get one.</summary>
    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException(
            $"{Variable} is not set: the PostgreSQL tests need a server. Run them through scripts/test.sh, " +
            $"or start one with `bash scripts/postgres.sh start` and export {Variable} to the connection string it prints.");
}

/// <summary>
/// A test against the PostgreSQL server. Skipped when no server is configured, except under CI (<c>CI</c> set),
/// where it runs and fails.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.ConnectionString is null && !PostgresServer.InCi)
            Skip = $"{PostgresServer.Variable} is not set (no PostgreSQL server)";
    }
}

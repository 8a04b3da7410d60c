using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// Commands with positional parameters <c>$1</c>, <c>$2</c>… as the PostgreSQL stores write them. On a connection that
/// keeps its statements (the one writer), each SQL text is prepared once and reused with new values.
/// </summary>
public static class SqliteCommands
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Prepared = new();

    /// <summary>Keeps the statements run on <paramref name="connection"/>; only for a connection one thread uses at a time.</summary>
    public static void KeepStatements(SqliteConnection connection) => Prepared.AddOrUpdate(connection, new Dictionary<string, SqliteCommand>());

    public static void ForgetStatements(SqliteConnection connection)
    {
        if (!Prepared.TryGetValue(connection, out var statements)) return;
        foreach (var command in statements.Values) command.Dispose();
        Prepared.Remove(connection);
    }

    /// <summary>A new command, which the caller disposes.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params object?[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++) command.Parameters.AddWithValue($"${i + 1}", values[i] ?? DBNull.Value);
        return command;
    }

    public static int Execute(this SqliteConnection connection, string sql, params object?[] values) =>
        Run(connection, sql, values, command => command.ExecuteNonQuery());

    public static object? Scalar(this SqliteConnection connection, string sql, params object?[] values) =>
        Run(connection, sql, values, command => command.ExecuteScalar());

    /// <summary>Every row of a query, read by <paramref name="read"/>.</summary>
    public static List<T> Rows<T>(this SqliteConnection connection, Func<SqliteDataReader, T> read, string sql, params object?[] values) =>
        Run(connection, sql, values, command =>
        {
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read()) rows.Add(read(reader));
            return rows;
        });

    private static T Run<T>(SqliteConnection connection, string sql, object?[] values, Func<SqliteCommand, T> run)
    {
        if (!Prepared.TryGetValue(connection, out var statements))
        {
            using var command = connection.Command(sql, values);
            return run(command);
        }
        if (!statements.TryGetValue(sql, out var prepared))
        {
            statements[sql] = prepared = connection.Command(sql, values);
            prepared.Prepare();
        }
        else
        {
            for (var i = 0; i < values.Length; i++) prepared.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return run(prepared);
    }

    /// <summary>UTC ticks: .NET's own resolution, kept exactly across a restart.</summary>
    public static long Ticks(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc).Ticks;

    public static DateTime FromTicks(long ticks) => new(ticks, DateTimeKind.Utc);
}

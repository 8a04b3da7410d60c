using Microsoft.Data.Sqlite;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>Commands with positional parameters <c>$1</c>, <c>$2</c>… as the PostgreSQL stores write them.</summary>
public static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params object?[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++) command.Parameters.AddWithValue($"${i + 1}", values[i] ?? DBNull.Value);
        return command;
    }

    public static int Execute(this SqliteConnection connection, string sql, params object?[] values)
    {
        using var command = connection.Command(sql, values);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this SqliteConnection connection, string sql, params object?[] values)
    {
        using var command = connection.Command(sql, values);
        return command.ExecuteScalar();
    }

    /// <summary>Every row of a query, read by <paramref name="read"/>.</summary>
    public static List<T> Rows<T>(this SqliteConnection connection, Func<SqliteDataReader, T> read, string sql, params object?[] values)
    {
        using var command = connection.Command(sql, values);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    /// <summary>UTC ticks: .NET's own resolution, kept exactly across a restart.</summary>
    public static long Ticks(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc).Ticks;

    public static DateTime FromTicks(long ticks) => new(ticks, DateTimeKind.Utc);
}

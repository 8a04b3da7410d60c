using System.Text.Json;
using System.Text.Json.Serialization;
using ComplianceGrains.Compliance;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// The <c>entries</c> column of <c>answer_history</c>: a JSON array of entries in which timestamps are UTC ticks, as in
/// every other column, so nothing loses precision (and SQL can write it from the columns of the rows of one entry each,
/// as their migration did).
/// </summary>
internal static class HistoryRowJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new TimestampAsTicks() },
    };

    public static string Write(IReadOnlyList<HistoryEntry> entries) => JsonSerializer.Serialize(entries, Options);

    public static HistoryEntry[] Read(string json) =>
        JsonSerializer.Deserialize<HistoryEntry[]>(json, Options) ?? throw new InvalidDataException("Empty history row.");

    private sealed class TimestampAsTicks : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            SqliteCommands.FromTicks(reader.GetInt64());

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(SqliteCommands.Ticks(value));
    }
}

using System.Text.Json;
using ComplianceGrains.Compliance;

namespace ComplianceGrains.Silo;

/// <summary>Snapshots as stored in the projection's <c>snapshot</c> column.</summary>
internal static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static string Write(OfferingUserSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static OfferingUserSnapshot Read(string json) =>
        JsonSerializer.Deserialize<OfferingUserSnapshot>(json, Options) ?? throw new InvalidDataException("Empty snapshot row.");

    /// <summary>
    /// Options for reading many rows into memory at once (the embedded projection's start): equal unanswered questions
    /// are read as one instance.
    /// </summary>
    public static JsonSerializerOptions SharingOptions() => Sqlite.SharedQuestionViews.Options(Options);

    public static OfferingUserSnapshot Read(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<OfferingUserSnapshot>(utf8Json, options) ?? throw new InvalidDataException("Empty snapshot row.");
}

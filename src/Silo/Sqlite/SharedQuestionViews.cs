using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using ComplianceGrains.Compliance;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// Reads the unanswered questions of stored snapshots as one shared instance per distinct question, as the grains'
/// own snapshots share the silo's question views: at 100k rows of about a dozen unanswered questions each, copies
/// would hold more than a million objects that are equal by value.
/// </summary>
internal sealed class SharedQuestionViews : JsonConverter<UnansweredQuestion>
{
    private readonly ConcurrentDictionary<UnansweredQuestion, UnansweredQuestion> _views = new();
    private readonly JsonSerializerOptions _plain;

    private SharedQuestionViews(JsonSerializerOptions plain) => _plain = plain;

    /// <summary>Options as <paramref name="plain"/>, reading unanswered questions shared.</summary>
    public static JsonSerializerOptions Options(JsonSerializerOptions plain) =>
        new(plain) { Converters = { new SharedQuestionViews(plain) } };

    public override UnansweredQuestion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var question = JsonSerializer.Deserialize<UnansweredQuestion>(ref reader, _plain)
            ?? throw new JsonException("An unanswered question is null.");
        return _views.GetOrAdd(question, question);
    }

    public override void Write(Utf8JsonWriter writer, UnansweredQuestion value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, _plain);
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>The API's JSON conventions (API.md §0): snake_case names, 32-hex UUIDs, UTC timestamps with Z.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new HexGuidConverter());
        options.Converters.Add(new UtcDateTimeConverter());
        options.Converters.Add(new FloatConverter());
    }

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    /// <summary>Parses a UUID in either the 32-hex or the hyphenated form.</summary>
    public static bool TryParseUuid(string? text, out Guid id) =>
        Guid.TryParseExact(text, "N", out id) || Guid.TryParseExact(text, "D", out id);

    private sealed class HexGuidConverter : JsonConverter<Guid>
    {
        public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TryParseUuid(reader.GetString(), out var id) ? id : throw new JsonException("Must be a valid UUID.");

        public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("N"));
    }

    /// <summary>Floats keep a decimal point (<c>75.0</c>, not <c>75</c>), as Python clients write and expect them.</summary>
    private sealed class FloatConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            Span<char> text = stackalloc char[24];
            // The text is a number written here: the writer need not parse it again to validate it.
            if (double.IsFinite(value) && Math.Abs(value) < 1e15 && value == Math.Floor(value)
                && value.TryFormat(text, out var length, "0.0", CultureInfo.InvariantCulture))
                writer.WriteRawValue(text[..length], skipInputValidation: true);
            else
                writer.WriteNumberValue(value);
        }
    }

    private sealed class UtcDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        /// <summary>
        /// Microseconds, truncated: the round-trip format of a UTC time (seven fraction digits, then Z) less its last
        /// digit, which is what <c>yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'</c> writes, without parsing a custom format per value.
        /// </summary>
        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
        {
            Span<char> text = stackalloc char[28];
            value.ToUniversalTime().TryFormat(text, out _, "O", CultureInfo.InvariantCulture);
            text[26] = 'Z';
            writer.WriteStringValue(text[..27]);
        }
    }
}

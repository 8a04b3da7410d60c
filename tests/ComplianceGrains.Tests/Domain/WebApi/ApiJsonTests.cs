using System.Text.Json;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.Tests.Domain.WebApi;

/// <summary>API.md §0: snake_case names, UUIDs as 32 lowercase hex, timestamps as ISO-8601 UTC with microseconds and Z.</summary>
public sealed class ApiJsonTests
{
    private sealed record Sample(Guid ChecklistUuid, Guid? ReviewedBy, DateTime Created, DateTime? ReviewedAt, bool IsCompleted);

    private static readonly Guid Id = Guid.Parse("3F2C0E6B-9D2A-4C1E-8F7A-6B5C4D3E2F10");

    private static JsonElement Write(Sample sample) =>
        JsonDocument.Parse(JsonSerializer.Serialize(sample, ApiJson.Options)).RootElement;

    private static Sample Example => new(
        Id, Id, new DateTime(2024, 1, 15, 10, 30, 0, DateTimeKind.Utc).AddTicks(1234567), null, true);

    [Fact]
    public void Property_names_are_snake_case()
    {
        var names = Write(Example).EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["checklist_uuid", "reviewed_by", "created", "reviewed_at", "is_completed"], names);
    }

    [Fact]
    public void Uuids_are_written_as_32_lowercase_hex_characters()
    {
        var json = Write(Example);
        Assert.Equal("3f2c0e6b9d2a4c1e8f7a6b5c4d3e2f10", json.GetProperty("checklist_uuid").GetString());
        Assert.Equal("3f2c0e6b9d2a4c1e8f7a6b5c4d3e2f10", json.GetProperty("reviewed_by").GetString());
    }

    [Fact]
    public void Null_values_are_written_as_null_not_left_out()
    {
        var json = Write(Example with { ReviewedBy = null });
        Assert.Equal(JsonValueKind.Null, json.GetProperty("reviewed_by").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("reviewed_at").ValueKind);
    }

    [Fact]
    public void Timestamps_are_utc_with_six_fraction_digits_and_z()
    {
        var json = Write(Example with { ReviewedAt = new DateTime(2024, 12, 31, 23, 59, 59, DateTimeKind.Utc) });
        Assert.Equal("2024-01-15T10:30:00.123456Z", json.GetProperty("created").GetString());
        Assert.Equal("2024-12-31T23:59:59.000000Z", json.GetProperty("reviewed_at").GetString());
    }

    [Fact]
    public void A_timestamp_with_an_offset_is_written_in_utc()
    {
        var local = new DateTimeOffset(2024, 1, 15, 12, 30, 0, TimeSpan.FromHours(2)).UtcDateTime;
        var json = Write(Example with { Created = local });
        Assert.Equal("2024-01-15T10:30:00.000000Z", json.GetProperty("created").GetString());
    }

    [Theory]
    [InlineData("\"3f2c0e6b9d2a4c1e8f7a6b5c4d3e2f10\"")]
    [InlineData("\"3f2c0e6b-9d2a-4c1e-8f7a-6b5c4d3e2f10\"")]
    public void Uuids_are_read_in_either_form(string json) =>
        Assert.Equal(Id, JsonSerializer.Deserialize<Guid>(json, ApiJson.Options));

    [Fact]
    public void A_malformed_uuid_does_not_read() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Guid>("\"nope\"", ApiJson.Options));

    [Fact]
    public void A_written_timestamp_reads_back_as_the_same_utc_instant()
    {
        var created = new DateTime(2024, 1, 15, 10, 30, 0, DateTimeKind.Utc).AddTicks(1234560);
        var text = JsonSerializer.Serialize(created, ApiJson.Options);
        var read = JsonSerializer.Deserialize<DateTime>(text, ApiJson.Options);
        Assert.Equal(created, read);
        Assert.Equal(DateTimeKind.Utc, read.Kind);
    }

    [Theory]
    [InlineData(75.0, "75.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(-2.0, "-2.0")]
    [InlineData(33.3, "33.3")]
    [InlineData(12.25, "12.25")]
    public void Floats_keep_a_decimal_point_as_python_writes_them(double value, string written) =>
        Assert.Equal(written, JsonSerializer.Serialize(value, ApiJson.Options));

    [Fact]
    public void Timestamps_at_the_ends_of_the_calendar_keep_four_digit_years_and_truncate_to_microseconds()
    {
        Assert.Equal("\"0001-01-01T00:00:00.000000Z\"", JsonSerializer.Serialize(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), ApiJson.Options));
        Assert.Equal("\"9999-12-31T23:59:59.999999Z\"", JsonSerializer.Serialize(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), ApiJson.Options));
    }

    [Theory]
    [InlineData("3f2c0e6b9d2a4c1e8f7a6b5c4d3e2f10", true)]
    [InlineData("3f2c0e6b-9d2a-4c1e-8f7a-6b5c4d3e2f10", true)]
    [InlineData("3f2c0e6b9d2a4c1e8f7a6b5c4d3e2f1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryParseUuid_accepts_only_the_two_documented_forms(string? text, bool valid)
    {
        Assert.Equal(valid, ApiJson.TryParseUuid(text, out var id));
        if (valid) Assert.Equal(Id, id);
    }
}

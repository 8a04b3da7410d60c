using System.Text.Json;
using ComplianceGrains.Errors;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.Tests.Domain.WebApi;

/// <summary>Request field parsing with Django REST Framework's messages (API.md §0).</summary>
public sealed class FieldReaderTests
{
    private static FieldReader Body(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new FieldReader(document.RootElement.Clone());
    }

    private static string[] ErrorsOf(FieldReader reader, string field)
    {
        var error = Assert.Throws<ValidationException>(reader.ThrowIfInvalid);
        Assert.True(error.Errors.TryGetValue(field, out var messages), $"No error on '{field}': {error.Message}");
        return messages!;
    }

    private static void NoErrors(FieldReader reader) => Assert.False(reader.HasErrors);

    // --- strings ---

    [Fact]
    public void A_missing_required_field_is_required()
    {
        var reader = Body("{}");
        Assert.Null(reader.String("name", required: true));
        Assert.Equal(["This field is required."], ErrorsOf(reader, "name"));
    }

    [Fact]
    public void A_missing_optional_field_is_null_without_error()
    {
        var reader = Body("{}");
        Assert.Null(reader.String("name"));
        NoErrors(reader);
    }

    [Fact]
    public void Null_is_refused_unless_allowed()
    {
        var reader = Body("""{"name": null}""");
        Assert.Null(reader.String("name"));
        Assert.Equal(["This field may not be null."], ErrorsOf(reader, "name"));

        var allowing = Body("""{"name": null}""");
        Assert.Null(allowing.String("name", allowNull: true));
        NoErrors(allowing);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    public void A_blank_string_is_refused_when_blank_is_not_allowed(string value)
    {
        var reader = Body($$"""{"name": {{value}}}""");
        Assert.Null(reader.String("name", allowBlank: false));
        Assert.Equal(["This field may not be blank."], ErrorsOf(reader, "name"));
    }

    [Fact]
    public void A_blank_string_is_kept_when_blank_is_allowed()
    {
        var reader = Body("""{"description": ""}""");
        Assert.Equal("", reader.String("description"));
        NoErrors(reader);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("[\"a\"]")]
    [InlineData("true")]
    [InlineData("false")]
    public void A_value_that_is_not_a_string_is_not_a_valid_string(string value)
    {
        var reader = Body($$"""{"name": {{value}}}""");
        Assert.Null(reader.String("name"));
        Assert.Equal(["Not a valid string."], ErrorsOf(reader, "name"));
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("4.5", "4.5")]
    public void A_number_is_read_as_its_text_like_drf_does(string value, string expected)
    {
        var reader = Body($$"""{"name": {{value}}}""");
        Assert.Equal(expected, reader.String("name"));
        NoErrors(reader);
    }

    [Fact]
    public void A_string_longer_than_the_maximum_gets_the_drf_max_length_message()
    {
        var reader = Body("""{"name": "abcdef"}""");
        Assert.Null(reader.String("name", maxLength: 5));
        Assert.Equal(["Ensure this field has no more than 5 characters."], ErrorsOf(reader, "name"));
    }

    [Fact]
    public void A_string_of_exactly_the_maximum_length_is_accepted()
    {
        var reader = Body("""{"name": "abcde"}""");
        Assert.Equal("abcde", reader.String("name", maxLength: 5));
        NoErrors(reader);
    }

    // --- booleans ---

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("\"True\"", true)]
    [InlineData("\"False\"", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"1\"", true)]
    [InlineData("\"0\"", false)]
    public void Booleans_accept_drf_true_and_false_values(string value, bool expected)
    {
        var reader = Body($$"""{"flag": {{value}}}""");
        Assert.Equal(expected, reader.Bool("flag"));
        NoErrors(reader);
    }

    [Theory]
    [InlineData("\"maybe\"")]
    [InlineData("2")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("null")]
    public void Other_values_are_not_valid_booleans(string value)
    {
        var reader = Body($$"""{"flag": {{value}}}""");
        Assert.Null(reader.Bool("flag"));
        var expected = value == "null" ? "This field may not be null." : "Must be a valid boolean.";
        Assert.Equal([expected], ErrorsOf(reader, "flag"));
    }

    // --- integers ---

    [Theory]
    [InlineData("42", 42)]
    [InlineData("\"42\"", 42)]
    [InlineData("-3", -3)]
    [InlineData("42.0", 42)]
    [InlineData("\"42.00\"", 42)]
    public void Integers_accept_numbers_and_numeric_strings(string value, int expected)
    {
        var reader = Body($$"""{"order": {{value}}}""");
        Assert.Equal(expected, reader.Int("order"));
        NoErrors(reader);
    }

    [Theory]
    [InlineData("4.5")]
    [InlineData("\"4.5\"")]
    [InlineData("\"4.05\"")]
    [InlineData("\"abc\"")]
    [InlineData("\".0\"")]
    [InlineData("true")]
    [InlineData("[]")]
    [InlineData("99999999999")]
    public void Other_values_are_not_valid_integers(string value)
    {
        var reader = Body($$"""{"order": {{value}}}""");
        Assert.Null(reader.Int("order"));
        Assert.Equal(["A valid integer is required."], ErrorsOf(reader, "order"));
    }

    [Fact]
    public void An_integer_below_the_minimum_gets_the_drf_min_value_message()
    {
        var reader = Body("""{"order": -1}""");
        reader.Int("order", min: 0);
        Assert.Equal(["Ensure this value is greater than or equal to 0."], ErrorsOf(reader, "order"));
    }

    // --- choices ---

    [Fact]
    public void A_value_outside_the_choices_is_not_a_valid_choice()
    {
        var reader = Body("""{"role": "x"}""");
        Assert.Null(reader.Choice("role", ["owner", "manager", "support"]));
        Assert.Equal(["\"x\" is not a valid choice."], ErrorsOf(reader, "role"));
    }

    [Fact]
    public void A_value_among_the_choices_is_returned()
    {
        var reader = Body("""{"role": "manager"}""");
        Assert.Equal("manager", reader.Choice("role", ["owner", "manager", "support"]));
        NoErrors(reader);
    }

    // --- references ---

    private static readonly Guid Id = Guid.Parse("3f2c0e6b-9d2a-4c1e-8f7a-6b5c4d3e2f10");

    [Theory]
    [InlineData("3f2c0e6b9d2a4c1e8f7a6b5c4d3e2f10")]
    [InlineData("3f2c0e6b-9d2a-4c1e-8f7a-6b5c4d3e2f10")]
    [InlineData("3F2C0E6B9D2A4C1E8F7A6B5C4D3E2F10")]
    [InlineData("http://localhost/api/checklists-admin/3f2c0e6b9d2a4c1e8f7a6b5c4d3e2f10/")]
    [InlineData("https://example.org/api/checklists-admin-questions/3f2c0e6b9d2a4c1e8f7a6b5c4d3e2f10")]
    [InlineData("https://example.org/api/checklists-admin/3f2c0e6b-9d2a-4c1e-8f7a-6b5c4d3e2f10/")]
    public void A_reference_is_a_uuid_in_either_form_or_an_object_url(string value)
    {
        var reader = Body($$"""{"checklist": "{{value}}"}""");
        Assert.Equal(Id, reader.Reference("checklist"));
        NoErrors(reader);
    }

    [Theory]
    [InlineData("\"not-a-uuid\"")]
    [InlineData("\"3f2c0e6b9d2a4c1e8f7a6b5c4d3e2f1\"")]
    [InlineData("\"https://example.org/api/checklists-admin/\"")]
    [InlineData("\"https://example.org/api/checklists-admin/3f2c0e6b9d2a4c1e8f7a6b5c4d3e2f10/questions/\"")]
    [InlineData("42")]
    [InlineData("{}")]
    public void Anything_else_is_not_a_valid_uuid(string value)
    {
        var reader = Body($$"""{"checklist": {{value}}}""");
        Assert.Null(reader.Reference("checklist"));
        Assert.Equal(["Must be a valid UUID."], ErrorsOf(reader, "checklist"));
    }

    [Fact]
    public void A_required_reference_that_is_missing_is_required()
    {
        var reader = Body("{}");
        reader.Reference("offering", required: true);
        Assert.Equal(["This field is required."], ErrorsOf(reader, "offering"));
    }

    [Fact]
    public void A_null_reference_is_allowed_only_when_asked()
    {
        var allowing = Body("""{"compliance_checklist": null}""");
        Assert.Null(allowing.Reference("compliance_checklist", allowNull: true));
        NoErrors(allowing);

        var refusing = Body("""{"compliance_checklist": null}""");
        refusing.Reference("compliance_checklist");
        Assert.Equal(["This field may not be null."], ErrorsOf(refusing, "compliance_checklist"));
    }

    // --- collecting ---

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var reader = Body("""{"name": "", "order": "x", "flag": "maybe"}""");
        reader.String("name", allowBlank: false);
        reader.Int("order");
        reader.Bool("flag");
        reader.Reference("user", required: true);
        var error = Assert.Throws<ValidationException>(reader.ThrowIfInvalid);
        Assert.Equal(["flag", "name", "order", "user"], error.Errors.Keys.Order());
    }

    [Fact]
    public void A_valid_body_does_not_throw()
    {
        var reader = Body("""{"name": "ok"}""");
        reader.String("name", required: true);
        reader.ThrowIfInvalid();
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplianceGrains.Errors;

namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>
/// Reads the fields of a JSON object body, collecting Django REST Framework style field errors,
/// so that a client sees every bad field of a request at once.
/// </summary>
public sealed partial class FieldReader(JsonElement body)
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Has(string name) => body.TryGetProperty(name, out _);

    public void AddError(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public bool HasErrors => _errors.Count > 0;

    public void ThrowIfInvalid()
    {
        if (HasErrors) throw new ValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    public string? String(string name, bool required = false, int? maxLength = null, bool allowBlank = true, bool allowNull = false)
    {
        if (!Present(name, required, allowNull, out var value)) return null;
        // Like DRF's CharField: numbers are taken as their text, booleans are not strings.
        if (value.ValueKind == JsonValueKind.Number)
            return Checked(name, value.GetRawText(), maxLength, allowBlank);
        if (value.ValueKind != JsonValueKind.String)
        {
            AddError(name, "Not a valid string.");
            return null;
        }
        return Checked(name, value.GetString()!, maxLength, allowBlank);
    }

    public bool? Bool(string name, bool required = false)
    {
        if (!Present(name, required, allowNull: false, out var value)) return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.String when value.GetString() is "true" or "True" or "1": return true;
            case JsonValueKind.String when value.GetString() is "false" or "False" or "0": return false;
            case JsonValueKind.Number when value.TryGetInt32(out var n) && n is 0 or 1: return n == 1;
            default:
                AddError(name, "Must be a valid boolean.");
                return null;
        }
    }

    public int? Int(string name, bool required = false, bool allowNull = false, int? min = null)
    {
        if (!Present(name, required, allowNull, out var value)) return null;
        // Like DRF's IntegerField: a whole number written with a zero fraction ("42.0") is an integer too.
        int? parsed = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var n) => n,
            JsonValueKind.Number when value.TryGetDecimal(out var d) => WholeInt(d),
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            JsonValueKind.String when ZeroFraction().IsMatch(value.GetString()!)
                && int.TryParse(ZeroFraction().Replace(value.GetString()!, ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
        if (parsed is null) AddError(name, "A valid integer is required.");
        else if (parsed < min) AddError(name, $"Ensure this value is greater than or equal to {min}.");
        return parsed;
    }

    /// <summary>
    /// A decimal, as a JSON number or a numeric string. With <paramref name="maxDigits"/> and <paramref name="decimalPlaces"/>
    /// the precision is checked as Django REST Framework's <c>DecimalField</c> checks it (the digits as written count).
    /// </summary>
    public decimal? Decimal(string name, bool allowNull = true, int? maxDigits = null, int? decimalPlaces = null)
    {
        if (!Present(name, required: false, allowNull, out var value)) return null;
        decimal? parsed = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var d) => d,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
        if (parsed is null)
        {
            AddError(name, "A valid number is required.");
            return null;
        }
        if (PrecisionError(parsed.Value, maxDigits, decimalPlaces) is { } error)
        {
            AddError(name, error);
            return null;
        }
        return parsed;
    }

    private static string? PrecisionError(decimal value, int? maxDigits, int? decimalPlaces)
    {
        var places = value.Scale;
        var digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture).Replace(".", "").TrimStart('0').Length;
        var total = Math.Max(digits, places);
        var whole = total - places;
        if (maxDigits is { } max && total > max) return $"Ensure that there are no more than {max} digits in total.";
        if (decimalPlaces is { } allowedPlaces && places > allowedPlaces)
            return $"Ensure that there are no more than {allowedPlaces} decimal places.";
        if (maxDigits is { } maxTotal && decimalPlaces is { } placesLimit && whole > maxTotal - placesLimit)
            return $"Ensure that there are no more than {maxTotal - placesLimit} digits before the decimal point.";
        return null;
    }

    /// <summary>An ISO-8601 timestamp (or a date, as midnight UTC), read as UTC; without an offset it is taken as UTC.</summary>
    public DateTime? Timestamp(string name, bool allowNull = true)
    {
        if (!Present(name, required: false, allowNull, out var value)) return null;
        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return parsed.UtcDateTime;
        AddError(name, "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
        return null;
    }

    public string? Choice(string name, IReadOnlyCollection<string> choices, bool required = false, bool allowNull = false)
    {
        var value = String(name, required, allowNull: allowNull);
        if (value is not null && !choices.Contains(value))
        {
            AddError(name, $"\"{value}\" is not a valid choice.");
            return null;
        }
        return value;
    }

    /// <summary>A reference to another object, given as its UUID or as its API URL.</summary>
    public Guid? Reference(string name, bool required = false, bool allowNull = false)
    {
        if (!Present(name, required, allowNull, out var value)) return null;
        if (value.ValueKind == JsonValueKind.String && ParseReference(value.GetString()!) is { } id) return id;
        AddError(name, "Must be a valid UUID.");
        return null;
    }

    /// <summary>Any JSON value, kept as raw JSON text; JSON null reads as null.</summary>
    public string? RawJson(string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.GetRawText();
    }

    public IReadOnlyList<string>? StringList(string name)
    {
        if (!Present(name, required: false, allowNull: false, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            AddError(name, $"Expected a list of items but got type \"{JsonBody.PythonTypeName(value)}\".");
            return null;
        }
        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                AddError(name, "Not a valid string.");
                return null;
            }
            items.Add(item.GetString()!);
        }
        return items;
    }

    /// <summary>A list of whole numbers, each at least <paramref name="min"/>.</summary>
    public IReadOnlyList<int>? IntList(string name, int min)
    {
        if (!Present(name, required: false, allowNull: false, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            AddError(name, $"Expected a list of items but got type \"{JsonBody.PythonTypeName(value)}\".");
            return null;
        }
        var items = new List<int>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var number) || number < min)
            {
                AddError(name, $"Ensure every item is a whole number greater than or equal to {min}.");
                return null;
            }
            items.Add(number);
        }
        return items;
    }

    /// <summary>Parses a UUID, or the last path segment of an object URL such as <c>https://host/api/x/{uuid}/</c>.</summary>
    public static Guid? ParseReference(string text)
    {
        if (ApiJson.TryParseUuid(text, out var id)) return id;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return null;
        var last = uri.AbsolutePath.TrimEnd('/').Split('/').LastOrDefault();
        return ApiJson.TryParseUuid(last, out id) ? id : null;
    }

    private static int? WholeInt(decimal d) =>
        d == decimal.Truncate(d) && d >= int.MinValue && d <= int.MaxValue ? (int)d : null;

    /// <summary>DRF strips <c>\.0*\s*$</c> before reading an integer.</summary>
    [GeneratedRegex(@"\.0*\s*$")]
    private static partial Regex ZeroFraction();

    private bool Present(string name, bool required, bool allowNull, out JsonElement value)
    {
        if (!body.TryGetProperty(name, out value))
        {
            if (required) AddError(name, "This field is required.");
            return false;
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!allowNull) AddError(name, "This field may not be null.");
            return false;
        }
        return true;
    }

    private string? Checked(string name, string text, int? maxLength, bool allowBlank)
    {
        if (!allowBlank && string.IsNullOrWhiteSpace(text))
        {
            AddError(name, "This field may not be blank.");
            return null;
        }
        if (maxLength is { } max && text.Length > max)
        {
            AddError(name, $"Ensure this field has no more than {max} characters.");
            return null;
        }
        return text;
    }
}

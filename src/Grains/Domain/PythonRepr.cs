using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ComplianceGrains.Domain;

/// <summary>
/// Renders a JSON value the way the reference platform (Python) prints it in error messages:
/// <c>True</c>, <c>150.5</c>, <c>text</c>, <c>['a', 'b']</c>, <c>{'name': 'x'}</c>.
/// </summary>
public static class PythonRepr
{
    /// <summary>As Python's <c>str()</c>: a top-level string is printed without quotes.</summary>
    public static string Str(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : Repr(value);

    /// <summary>As Python's <c>repr()</c>.</summary>
    public static string Repr(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null or JsonValueKind.Undefined => "None",
        JsonValueKind.String => QuoteString(value.GetString()!),
        JsonValueKind.Number => Number(value),
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(Repr)) + "]",
        JsonValueKind.Object => "{" + string.Join(", ", value.EnumerateObject().Select(p => $"{QuoteString(p.Name)}: {Repr(p.Value)}")) + "}",
        _ => value.GetRawText(),
    };

    private static string Number(JsonElement value)
    {
        var raw = value.GetRawText();
        var isInteger = !raw.Contains('.') && !raw.Contains('e') && !raw.Contains('E');
        if (isInteger) return raw;
        var number = value.GetDouble();
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('E')) return text.Contains('.') ? text : text + ".0";
        var mantissa = text[..text.IndexOf('E')];
        var exponent = int.Parse(text[(text.IndexOf('E') + 1)..], CultureInfo.InvariantCulture);
        if (exponent >= 16 || exponent < -4) return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        var expanded = ((decimal)number).ToString(CultureInfo.InvariantCulture);
        return expanded.Contains('.') ? expanded : expanded + ".0";
    }

    private static string QuoteString(string text)
    {
        var quote = text.Contains('\'') && !text.Contains('"') ? '"' : '\'';
        var builder = new StringBuilder().Append(quote);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c == quote) builder.Append('\\').Append(c);
                    else builder.Append(c);
                    break;
            }
        }
        return builder.Append(quote).ToString();
    }
}

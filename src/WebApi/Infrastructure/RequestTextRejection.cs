using System.Text;
using System.Text.Unicode;
using ComplianceGrains.Domain;

namespace ComplianceGrains.WebApi.Infrastructure;

/// <summary>
/// <see cref="TextRules"/> for the parts of a request that are not its body: the query string (percent-encoded bytes
/// that are not UTF-8, or NUL) and the path. A bad query parameter is a 400 naming the parameter.
/// </summary>
public static class RequestTextRejection
{
    public static IApplicationBuilder UseRequestTextRejection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Errors(context.Request) is { Count: > 0 } errors)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(errors, ApiJson.Options);
                return;
            }
            await next(context);
        });

    private static Dictionary<string, string[]> Errors(HttpRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (TextRules.Problem(request.Path.Value) is { } pathProblem) errors["path"] = [pathProblem];
        var query = request.QueryString.Value;
        if (string.IsNullOrEmpty(query)) return errors;
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var parts = pair.Split('=', 2);
            var name = Decode(parts[0], out var nameProblem);
            var valueProblem = parts.Length > 1 ? DecodeProblem(parts[1]) : null;
            if ((nameProblem ?? valueProblem) is { } problem) errors[TextRules.Repair(name)] = [problem];
        }
        return errors;
    }

    private static string? DecodeProblem(string component)
    {
        Decode(component, out var problem);
        return problem;
    }

    /// <summary>Percent-decodes one query component strictly: bytes that are not UTF-8 are a problem, not U+FFFD.</summary>
    private static string Decode(string component, out string? problem)
    {
        var bytes = new List<byte>(component.Length);
        for (var i = 0; i < component.Length; i++)
        {
            var c = component[i];
            if (c == '%' && i + 2 < component.Length && Uri.IsHexDigit(component[i + 1]) && Uri.IsHexDigit(component[i + 2]))
            {
                bytes.Add(Convert.ToByte(component.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c == '+') bytes.Add((byte)' ');
            else bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        var span = bytes.ToArray();
        if (!Utf8.IsValid(span))
        {
            problem = TextRules.InvalidUnicode;
            return Encoding.UTF8.GetString(span);
        }
        var text = Encoding.UTF8.GetString(span);
        problem = TextRules.Problem(text);
        return text;
    }
}

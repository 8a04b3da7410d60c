extern alias SchemaValidation;

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SchemaValidation::Json.Schema;

namespace ComplianceGrains.Tests.Support.Contract;

/// <summary>
/// The service's own OpenAPI document (<c>/api/schema/</c>) as a contract: finds the operation a request reached and
/// checks the response against the schema that operation declares, with JsonSchema.Net. OpenAPI 3.0's schema dialect
/// is turned into JSON Schema 2020-12 first (<c>nullable</c> becomes a <c>null</c> type, component references point
/// into <c>$defs</c>).
/// </summary>
public sealed class OpenApiContract
{
    private static readonly HashSet<string> Methods = ["get", "head", "post", "put", "patch", "delete"];

    private readonly JsonObject _definitions;
    private readonly List<(Regex Pattern, string Template, JsonObject Item)> _paths;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    public OpenApiContract(string documentJson)
    {
        var document = JsonNode.Parse(documentJson)!.AsObject();
        _definitions = Convert(document["components"]?["schemas"] ?? new JsonObject())!.AsObject();
        // Literal paths before templated ones, so that /checklist-template/ is not taken for /{uuid}/.
        _paths = document["paths"]!.AsObject()
            .OrderBy(p => p.Key.Count(c => c == '{'))
            .Select(p => (PathPattern(p.Key), p.Key, p.Value!.AsObject()))
            .ToList();
    }

    /// <summary>The document's operation ids, for the tests of the document itself.</summary>
    public IReadOnlyDictionary<string, (string Method, string Path)> OperationIds =>
        _paths.SelectMany(p => p.Item
                .Where(o => Methods.Contains(o.Key))
                .Select(o => (Id: o.Value!["operationId"]!.GetValue<string>(), Method: o.Key.ToUpperInvariant(), p.Template)))
            .ToDictionary(o => o.Id, o => (o.Method, o.Template));

    /// <summary>The problems of a response the document does not describe; empty when it matches.</summary>
    public IReadOnlyList<string> Check(string method, string path, int status, string? contentType, string body)
    {
        var normalised = path.EndsWith('/') ? path : path + "/";
        var match = _paths.FirstOrDefault(p => p.Pattern.IsMatch(normalised));
        if (match.Item is null) return [$"{method} {path}: no such path in the document"];
        if (match.Item[method.ToLowerInvariant()] is not JsonObject operation)
            return [$"{method} {match.Template}: the document has no such operation"];
        var responses = operation["responses"]!.AsObject();
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (responses[code] is not JsonObject response) return [$"{method} {match.Template}: status {status} is not documented"];
        if (method == "HEAD")
            return body.Length == 0 ? [] : [$"HEAD {match.Template}: a body of {body.Length} characters"];
        var content = response["content"] as JsonObject;
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.Ordinal))
            return content is null || content.Any(c => contentType?.StartsWith(c.Key, StringComparison.Ordinal) == true)
                ? []
                : [$"{method} {match.Template}: {contentType} is not a documented content type"];
        if (content?["application/json"]?["schema"] is not JsonNode declared)
            return [$"{method} {match.Template} {status}: a JSON body where the document declares none"];

        var schema = _schemas.GetOrAdd($"{method} {match.Template} {status}", _ => Compile(declared));
        using var instance = JsonDocument.Parse(body);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{method} {match.Template} {status}: at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Value}"))
                .DefaultIfEmpty($"{method} {match.Template} {status}: the body does not match the declared schema")
                .ToList();
    }

    private JsonSchema Compile(JsonNode declared)
    {
        var root = Convert(declared)!.AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = _definitions.DeepClone();
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    /// <summary>OpenAPI 3.0 schema objects to JSON Schema 2020-12.</summary>
    private static JsonNode? Convert(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray(array.Select(Convert).ToArray());
            case JsonObject obj:
            {
                var converted = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key is "nullable" or "example") continue;
                    converted[key] = key == "$ref"
                        ? value!.GetValue<string>().Replace("#/components/schemas/", "#/$defs/")
                        : key == "properties" ? ConvertMap(value!.AsObject()) : Convert(value);
                }
                if (obj["nullable"]?.GetValue<bool>() != true) return converted;
                if (converted["type"] is JsonValue type)
                {
                    converted["type"] = new JsonArray(type.GetValue<string>(), "null");
                    return converted;
                }
                return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, converted) };
            }
            default:
                return node?.DeepClone();
        }
    }

    private static JsonObject ConvertMap(JsonObject map)
    {
        var converted = new JsonObject();
        foreach (var (key, value) in map) converted[key] = Convert(value);
        return converted;
    }

    private static Regex PathPattern(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.CultureInvariant);
}

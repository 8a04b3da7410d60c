using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplianceGrains.WebApi.Hosting;

/// <summary>
/// Gives every operation Waldur's <c>operationId</c>, so that a client generated from <c>/api/schema/</c> has the method
/// names of Waldur's own clients. Waldur's ids follow its schema generator's rule (the path's words, then
/// <c>list</c>/<c>retrieve</c>/<c>create</c>/<c>update</c>/<c>partial_update</c>/<c>destroy</c>, <c>count</c> for HEAD,
/// nothing for a POST action); the few it names otherwise are listed here. Operations Waldur lacks follow the same rule.
/// </summary>
public sealed partial class WaldurOperationIds : IDocumentFilter
{
    private static readonly Dictionary<(string Method, string Path), string> Named = new()
    {
        [("GET", "/api/checklists-admin/{uuid}/questions/")] = "checklists_admin_checklist_questions",
        // The alias of /api/checklists-admin-questions/ creates questions too.
        [("POST", "/api/checklists-admin/questions/")] = "checklists_admin_questions_create",
        [("GET", "/api/marketplace-service-providers/{uuid}/compliance/compliance_overview/")] = "service_provider_compliance_overview",
        [("GET", "/api/marketplace-service-providers/{uuid}/compliance/offering_users/")] = "service_provider_offering_users_compliance",
        [("GET", "/api/marketplace-service-providers/{uuid}/compliance/checklists_summary/")] = "service_provider_checklists_summary",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var taken = new HashSet<string>();
        // Shorter paths first, so that an alias (/api/checklists-admin/questions/) is the one that gets a suffix.
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal))
        foreach (var (method, operation) in item.Operations ?? [])
        {
            var id = OperationId(method.Method, path, ReturnsList(operation));
            var unique = id;
            for (var n = 2; !taken.Add(unique); n++) unique = $"{id}_{n}";
            operation.OperationId = unique;
        }
    }

    public static string OperationId(string method, string path, bool returnsList)
    {
        if (Named.TryGetValue((method, path), out var named)) return named;
        var segments = path.Trim('/').Split('/');
        var words = segments
            .Where(s => !Parameter().IsMatch(s))
            .SkipWhile(s => s == "api")
            .Select(s => s.Replace('-', '_'))
            .ToList();
        var isCollection = segments.Length == 2 && segments[0] == "api";
        var isItem = Parameter().IsMatch(segments[^1]);
        var action = method switch
        {
            "HEAD" => "count",
            "GET" => returnsList ? "list" : "retrieve",
            "POST" when isCollection => "create",
            "POST" => null,
            "PUT" => "update",
            "PATCH" => "partial_update",
            "DELETE" => "destroy",
            _ => method.ToLowerInvariant(),
        };
        if (action is "update" or "partial_update" or "destroy" && !isItem) action = method.ToLowerInvariant();
        return string.Join('_', action is null ? words : words.Append(action));
    }

    private static bool ReturnsList(OpenApiOperation operation) =>
        operation.Responses?.TryGetValue("200", out var ok) == true
        && ok.Content?.TryGetValue("application/json", out var json) == true
        && json.Schema?.Type is { } type && type.HasFlag(JsonSchemaType.Array);

    [GeneratedRegex(@"^\{[^}]+\}$")]
    private static partial Regex Parameter();
}

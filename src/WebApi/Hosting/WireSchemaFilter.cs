using System.Text.Json.Nodes;
using ComplianceGrains.Checklists;
using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Contracts;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplianceGrains.WebApi.Hosting;

/// <summary>
/// Makes the document say what the wire carries: a response body has every one of its fields (the serializer writes
/// nulls too), and fields with a fixed set of values list them (blank included where Waldur sends a blank).
/// </summary>
public sealed class WireSchemaFilter : ISchemaFilter
{
    private static readonly JsonNode[] OperatorsOrBlank = Strings([.. Operators.All, ""]);

    private static readonly Dictionary<string, JsonNode[]> ByField = new()
    {
        ["checklist_type"] = Strings(ChecklistTypes.All),
        ["question_type"] = Strings(QuestionTypes.All),
        ["rich_text_toolbar_level"] = Strings(RichTextToolbarLevels.All),
        ["dependency_logic_operator"] = Strings(["and", "or"]),
        ["compliance_status"] = Strings(ComplianceStatuses.All),
        ["guidance_operator"] = OperatorsOrBlank,
        ["likert_scale_length"] = QuestionDefinitionRules.LikertScaleLengths.Select(n => (JsonNode)JsonValue.Create(n)).ToArray(),
    };

    private static readonly Dictionary<(Type, string), JsonNode[]> ByTypeAndField = new()
    {
        [(typeof(QuestionResponse), "operator")] = OperatorsOrBlank,
        [(typeof(ReviewerQuestionResponse), "operator")] = OperatorsOrBlank,
        [(typeof(DependencyResponse), "operator")] = Strings(Operators.All),
        [(typeof(ReviewTriggerResponse), "operator")] = Strings([.. Operators.All, "always", ""]),
        [(typeof(ProviderOfferingUserResponse), "state")] =
            OfferingUserStates.All.Select(s => (JsonNode)JsonValue.Create(OfferingUserStates.CodeOf(s))).ToArray(),
        [(typeof(OfferingUserResponse), "state")] = Strings(OfferingUserStates.All),
        [(typeof(CompletionOfferingUserResponse), "state")] = Strings(OfferingUserStates.All),
        [(typeof(ProviderOfferingResponse), "state")] = Strings(OfferingStates.All),
        [(typeof(PublicOfferingResponse), "state")] = Strings(OfferingStates.All),
        [(typeof(DetailStateResponse), "state")] = Strings(OfferingStates.All),
        [(typeof(ComplianceSyncResponse), "state")] =
            Strings([ComplianceSyncStatus.Idle, ComplianceSyncStatus.Running, ComplianceSyncStatus.Failed]),
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || target.Properties is not { Count: > 0 } properties) return;
        var type = context.Type;
        var isResponse = type.Namespace == typeof(UserResponse).Namespace && type.Name.EndsWith("Response", StringComparison.Ordinal);
        if (isResponse)
        {
            target.Required ??= new HashSet<string>();
            foreach (var name in properties.Keys) target.Required.Add(name);
        }
        foreach (var (name, property) in properties)
        {
            if (property is not OpenApiSchema field) continue;
            var values = ByTypeAndField.GetValueOrDefault((type, name)) ?? ByField.GetValueOrDefault(name);
            if (values is null) continue;
            field.Enum = values.Select(v => v.DeepClone()).ToList();
            if (field.Type is { } fieldType && fieldType.HasFlag(JsonSchemaType.Null)) field.Enum.Add(null!);
        }
    }

    private static JsonNode[] Strings(IEnumerable<string> values) => values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray();
}

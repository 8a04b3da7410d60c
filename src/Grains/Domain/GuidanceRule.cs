using System.Text.Json;
using ComplianceGrains.Checklists;

namespace ComplianceGrains.Domain;

/// <summary>A question's guidance is shown always, or only when its answer matches the guidance operator and value.</summary>
public static class GuidanceRule
{
    public static string? Shown(QuestionDefinition q, JsonElement? answer)
    {
        if (q.AlwaysShowGuidance) return q.UserGuidance;
        if (q.GuidanceOperator is not { } op || q.GuidanceAnswerValueJson is not { } valueJson) return null;
        using var required = JsonDocument.Parse(valueJson);
        return OperatorEvaluation.Matches(op, answer, required.RootElement) ? q.UserGuidance : null;
    }
}

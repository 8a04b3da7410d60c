using ComplianceGrains.Domain;

namespace ComplianceGrains.Checklists;

/// <summary>
/// Repairs a checklist's stored state whose text breaks <see cref="TextRules"/> (stored before the rule existed): a bad
/// review or guidance value would otherwise fail the question list and every checklist read of its users.
/// </summary>
public static class ChecklistTextRepair
{
    /// <summary>Repairs the state in place; returns how many values were replaced.</summary>
    public static int Repair(ChecklistState s)
    {
        var repaired = 0;
        string Text(string value)
        {
            var fixedValue = TextRules.Repair(value);
            if (!ReferenceEquals(fixedValue, value)) repaired++;
            return fixedValue;
        }
        string? Json(string? value)
        {
            if (value is null || TextRules.JsonProblem(value) is null) return value;
            repaired++;
            return TextRules.PlaceholderJson;
        }

        s.Name = Text(s.Name);
        s.Description = Text(s.Description);
        foreach (var question in s.Questions)
        {
            var d = question.Definition;
            var definition = d with
            {
                Description = Text(d.Description),
                UserGuidance = d.UserGuidance is null ? null : Text(d.UserGuidance),
                LikertLowLabel = Text(d.LikertLowLabel),
                LikertHighLabel = Text(d.LikertHighLabel),
                ReviewAnswerValueJson = Json(d.ReviewAnswerValueJson),
                GuidanceAnswerValueJson = Json(d.GuidanceAnswerValueJson),
            };
            if (definition != d) question.Definition = definition;
            foreach (var option in question.Options) option.Label = Text(option.Label);
        }
        for (var i = 0; i < s.Dependencies.Count; i++)
        {
            var dependency = s.Dependencies[i];
            if (Json(dependency.RequiredAnswerValueJson) is { } value && !ReferenceEquals(value, dependency.RequiredAnswerValueJson))
                s.Dependencies[i] = dependency with { RequiredAnswerValueJson = value };
        }
        return repaired;
    }
}

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
        var repair = new TextRepair();
        s.Name = repair.Text(s.Name);
        s.Description = repair.Text(s.Description);
        foreach (var question in s.Questions)
        {
            var d = question.Definition;
            var before = repair.Count;
            var definition = d with
            {
                Description = repair.Text(d.Description),
                UserGuidance = repair.OptionalText(d.UserGuidance),
                LikertLowLabel = repair.Text(d.LikertLowLabel),
                LikertHighLabel = repair.Text(d.LikertHighLabel),
                ReviewAnswerValueJson = repair.OptionalJson(d.ReviewAnswerValueJson),
                GuidanceAnswerValueJson = repair.OptionalJson(d.GuidanceAnswerValueJson),
            };
            if (repair.Count > before) question.Definition = definition;
            foreach (var option in question.Options) option.Label = repair.Text(option.Label);
        }
        for (var i = 0; i < s.Dependencies.Count; i++)
        {
            var before = repair.Count;
            var value = repair.Json(s.Dependencies[i].RequiredAnswerValueJson);
            if (repair.Count > before) s.Dependencies[i] = s.Dependencies[i] with { RequiredAnswerValueJson = value };
        }
        return repair.Count;
    }
}

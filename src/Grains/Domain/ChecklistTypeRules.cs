using ComplianceGrains.Checklists;

namespace ComplianceGrains.Domain;

/// <summary>What a checklist's type allows (API.md §9).</summary>
public static class ChecklistTypeRules
{
    /// <summary>Types of which at most one checklist may exist: the onboarding questionnaires.</summary>
    public static readonly IReadOnlySet<string> SingleChecklistTypes =
        new HashSet<string> { ChecklistTypes.OnboardingCustomer, ChecklistTypes.OnboardingIntent };

    public static bool AllowsOnlyOne(string checklistType) => SingleChecklistTypes.Contains(checklistType);

    public static string OnlyOneMessage(string checklistType) => $"A checklist of type '{checklistType}' already exists.";
}

using ComplianceGrains.Checklists;

namespace ComplianceGrains.Compliance;

/// <summary>Everything needed to validate answers and compute metrics against one version of a checklist.</summary>
[GenerateSerializer, Immutable]
public sealed record ChecklistDefinition(
    [property: Id(0)] Guid ChecklistId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description,
    [property: Id(3)] string ChecklistType,
    [property: Id(4)] long Version,
    [property: Id(5)] IReadOnlyList<QuestionView> Questions);

namespace ComplianceGrains.Checklists;

[GenerateSerializer, Immutable]
public sealed record ChecklistView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description,
    [property: Id(3)] string ChecklistType,
    [property: Id(4)] int QuestionsCount,
    [property: Id(5)] DateTime Created,
    [property: Id(6)] DateTime Modified);

[GenerateSerializer, Immutable]
public sealed record ChecklistFields(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description,
    [property: Id(2)] string ChecklistType);

[GenerateSerializer, Immutable]
public sealed record OptionView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid QuestionId,
    [property: Id(2)] string Label,
    [property: Id(3)] int Order);

[GenerateSerializer, Immutable]
public sealed record QuestionView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ChecklistId,
    [property: Id(2)] string ChecklistName,
    [property: Id(3)] string ChecklistType,
    [property: Id(4)] QuestionDefinition Definition,
    [property: Id(5)] IReadOnlyList<OptionView> Options,
    [property: Id(6)] DateTime Created)
{
    /// <summary>The conditions under which the question is shown; empty means always shown.</summary>
    [Id(7)] public IReadOnlyList<DependencyView> Dependencies { get; init; } = [];
}

/// <summary>A question is shown only when another question's answer satisfies an operator.</summary>
[GenerateSerializer, Immutable]
public sealed record DependencyView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid QuestionId,
    [property: Id(2)] Guid DependsOnQuestionId,
    [property: Id(3)] string RequiredAnswerValueJson,
    [property: Id(4)] string Operator);

namespace ComplianceGrains.Checklists;

/// <summary>
/// One change to a checklist's questions or dependencies, described so that its effect on the offerings' completions
/// can be shown before it is made: a question added or changed (<see cref="Definition"/> set), a question deleted, a
/// dependency added or changed, or a dependency deleted.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChecklistEdit
{
    [Id(0)] public Guid? QuestionId { get; init; }
    [Id(1)] public QuestionDefinition? Definition { get; init; }
    [Id(2)] public DependencyView? Dependency { get; init; }
    [Id(3)] public Guid? DeletedDependencyId { get; init; }

    public static ChecklistEdit PutQuestion(Guid questionId, QuestionDefinition definition) => new() { QuestionId = questionId, Definition = definition };

    public static ChecklistEdit DeleteQuestion(Guid questionId) => new() { QuestionId = questionId };

    public static ChecklistEdit PutDependency(DependencyView dependency) => new() { Dependency = dependency };

    public static ChecklistEdit DeleteDependency(Guid dependencyId) => new() { DeletedDependencyId = dependencyId };
}

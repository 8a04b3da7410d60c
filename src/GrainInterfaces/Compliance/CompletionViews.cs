namespace ComplianceGrains.Compliance;

/// <summary>A question that blocks completion.</summary>
[GenerateSerializer, Immutable]
public sealed record UnansweredQuestion(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Description,
    [property: Id(2)] string QuestionType);

/// <summary>
/// The completion metrics and review state of one completion (API.md §4 CompletionStatus and CompletionReview), with
/// its due date and attestation (API.md §10). <see cref="IsCompleted"/> is false once the attestation has expired.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CompletionStatus(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ChecklistId,
    [property: Id(2)] string ChecklistName,
    [property: Id(3)] string ChecklistDescription,
    [property: Id(4)] bool IsCompleted,
    [property: Id(5)] double CompletionPercentage,
    [property: Id(6)] IReadOnlyList<UnansweredQuestion> UnansweredRequiredQuestions,
    [property: Id(7)] bool RequiresReview,
    [property: Id(8)] Guid? ReviewedBy,
    [property: Id(9)] string? ReviewedByName,
    [property: Id(10)] DateTime? ReviewedAt,
    [property: Id(11)] string ReviewNotes,
    [property: Id(12)] DateTime Created,
    [property: Id(13)] DateTime Modified,
    [property: Id(14)] DateTime? DueDate = null,
    [property: Id(15)] bool IsOverdue = false,
    [property: Id(16)] DateTime? AttestedAt = null,
    [property: Id(17)] DateTime? ExpiresAt = null);

/// <summary>The current answer to a question.</summary>
[GenerateSerializer, Immutable]
public sealed record AnswerView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid QuestionId,
    [property: Id(2)] string AnswerJson,
    [property: Id(3)] Guid UserId,
    [property: Id(4)] string UserName,
    [property: Id(5)] DateTime Created,
    [property: Id(6)] DateTime Modified);

/// <summary>A checklist as its user sees it: the definition, the current answers and the status.</summary>
[GenerateSerializer, Immutable]
public sealed record ChecklistForUser(
    [property: Id(0)] ChecklistDefinition Checklist,
    [property: Id(1)] CompletionStatus Completion,
    [property: Id(2)] IReadOnlyDictionary<Guid, AnswerView> Answers,
    [property: Id(3)] IReadOnlySet<Guid> VisibleQuestionIds);

/// <summary>One item of a submission. Errors found while parsing the request travel with the item.</summary>
[GenerateSerializer, Immutable]
public sealed record SubmittedAnswer(
    [property: Id(0)] Guid? QuestionId,
    [property: Id(1)] string? AnswerJson,
    [property: Id(2)] IReadOnlyDictionary<string, string[]>? ParseErrors);

/// <summary>
/// The outcome of a submission: either every item was valid and stored (<see cref="Errors"/> is null),
/// or nothing was stored and <see cref="Errors"/> has one entry per item, empty for valid items.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SubmitResult(
    [property: Id(0)] IReadOnlyList<IReadOnlyDictionary<string, string[]>>? Errors,
    [property: Id(1)] CompletionStatus? Completion);

/// <summary>One stored answer submission (API.md §4 history/).</summary>
[GenerateSerializer, Immutable]
public sealed record HistoryEntry(
    [property: Id(0)] Guid OfferingUserId,
    [property: Id(1)] Guid CompletionId,
    [property: Id(2)] Guid QuestionId,
    [property: Id(3)] string QuestionDescription,
    [property: Id(4)] string? AnswerJson,
    [property: Id(5)] Guid UserId,
    [property: Id(6)] string UserName,
    [property: Id(7)] DateTime Submitted,
    [property: Id(8)] long Sequence);

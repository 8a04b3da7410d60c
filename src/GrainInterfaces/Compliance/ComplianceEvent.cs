namespace ComplianceGrains.Compliance;

/// <summary>The completion's status as an event carries it (API.md §10 events/).</summary>
[GenerateSerializer, Immutable]
public sealed record EventCompletion(
    [property: Id(0)] bool IsCompleted,
    [property: Id(1)] double CompletionPercentage,
    [property: Id(2)] DateTime? DueDate,
    [property: Id(3)] bool IsOverdue,
    [property: Id(4)] DateTime? ExpiresAt);

/// <summary>
/// Something that happened to a completion or to an offering's checklist (BEHAVIOUR.md §11), recorded with the state
/// change that caused it. <see cref="Id"/> is stable, so consumers deduplicate repeated deliveries by it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ComplianceEvent(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTime Created,
    [property: Id(3)] Guid ServiceProviderId,
    [property: Id(4)] Guid OfferingId,
    [property: Id(5)] Guid? OfferingUserId,
    [property: Id(6)] Guid? UserId,
    [property: Id(7)] EventCompletion? Completion);

/// <summary>Filters of a provider's events/ (API.md §10); null means no filter.</summary>
[GenerateSerializer, Immutable]
public sealed record ComplianceEventFilter(
    [property: Id(0)] string? Type,
    [property: Id(1)] Guid? OfferingId,
    [property: Id(2)] Guid? OfferingUserId,
    [property: Id(3)] DateTime? CreatedAfter);

public static class ComplianceEventTypes
{
    public const string Completed = "completion.completed";
    public const string Reopened = "completion.reopened";
    public const string Overdue = "completion.overdue";
    public const string Expired = "completion.expired";
    public const string Reviewed = "completion.reviewed";
    public const string ReviewRequired = "review.required";
    public const string ChecklistAttached = "checklist.attached";
    public const string ChecklistDetached = "checklist.detached";

    public static readonly IReadOnlyList<string> All =
        [Completed, Reopened, Overdue, Expired, Reviewed, ReviewRequired, ChecklistAttached, ChecklistDetached];
}

using ComplianceGrains.Marketplace;

namespace ComplianceGrains.Compliance;

/// <summary>
/// What an offering-user grain publishes after every change: the offering user and its current completion.
/// Consumers keep a snapshot only when its <see cref="Version"/> is newer than the one they hold.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OfferingUserSnapshot(
    [property: Id(0)] OfferingUserView OfferingUser,
    [property: Id(1)] string CustomerName,
    [property: Id(2)] CompletionStatus? Completion,
    [property: Id(3)] long Version,
    [property: Id(4)] bool Deleted)
{
    public Guid Id => OfferingUser.Id;
}

/// <summary>The part of a snapshot the service provider's counters need, with the dates that move it over time.</summary>
[GenerateSerializer, Immutable]
public sealed record ComplianceCount(
    [property: Id(0)] Guid OfferingUserId,
    [property: Id(1)] Guid OfferingId,
    [property: Id(2)] Guid? ChecklistId,
    [property: Id(3)] bool IsCompleted,
    [property: Id(4)] long Version,
    [property: Id(5)] bool Deleted,
    [property: Id(6)] DateTime? DueDate = null,
    [property: Id(7)] DateTime? ExpiresAt = null)
{
    public static ComplianceCount From(OfferingUserSnapshot snapshot) => new(
        snapshot.Id, snapshot.OfferingUser.OfferingId, snapshot.Completion?.ChecklistId,
        snapshot.Completion?.IsCompleted ?? false, snapshot.Version, snapshot.Deleted,
        snapshot.Completion?.DueDate, snapshot.Completion?.ExpiresAt);

    /// <summary>True when both count the offering user the same way, whatever their versions.</summary>
    public bool SameCountsAs(ComplianceCount other) => this with { Version = other.Version } == other;
}

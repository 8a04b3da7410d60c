namespace ComplianceGrains.Compliance;

/// <summary>Progress of an offering's background lifecycle job (API.md §3 compliance_sync/).</summary>
[GenerateSerializer, Immutable]
public sealed record ComplianceSyncStatus(
    [property: Id(0)] string State,
    [property: Id(1)] Guid? Checklist,
    [property: Id(2)] int Total,
    [property: Id(3)] int Processed,
    [property: Id(4)] DateTime? Started,
    [property: Id(5)] DateTime? Finished,
    [property: Id(6)] string? Error)
{
    public const string Idle = "idle";
    public const string Running = "running";
    public const string Failed = "failed";

    public static ComplianceSyncStatus Never { get; } = new(Idle, null, 0, 0, null, null, null);
}

/// <summary>
/// The checklist an offering currently requires, the newest version of it the offering knows, and the offering's
/// compliance policy with its version (a newer one re-evaluates every completion).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ComplianceTarget(
    [property: Id(0)] Guid? ChecklistId,
    [property: Id(1)] long ChecklistVersion,
    [property: Id(2)] CompliancePolicy? Policy = null,
    [property: Id(3)] long PolicyVersion = 0);

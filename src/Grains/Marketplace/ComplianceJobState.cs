using ComplianceGrains.Compliance;

namespace ComplianceGrains.Marketplace;

/// <summary>
/// The offering's durable lifecycle job: bring every offering user in line with <see cref="Target"/>.
/// Users are visited in id order; <see cref="Cursor"/> is the last one done, so a resumed job continues there.
/// </summary>
[GenerateSerializer]
public sealed class ComplianceJobState
{
    [Id(0)] public string State { get; set; } = ComplianceSyncStatus.Idle;
    [Id(1)] public Guid? ChecklistId { get; set; }
    [Id(2)] public long ChecklistVersion { get; set; }
    [Id(3)] public Guid? Cursor { get; set; }
    [Id(4)] public int Total { get; set; }
    [Id(5)] public int Processed { get; set; }
    [Id(6)] public DateTime? Started { get; set; }
    [Id(7)] public DateTime? Finished { get; set; }
    [Id(8)] public string? Error { get; set; }
    [Id(9)] public bool EverRun { get; set; }

    public ComplianceTarget Target => new(ChecklistId, ChecklistVersion);

    public ComplianceSyncStatus Status() => EverRun
        ? new ComplianceSyncStatus(State, ChecklistId, Total, Processed, Started, Finished, Error)
        : ComplianceSyncStatus.Never with { Checklist = ChecklistId };
}

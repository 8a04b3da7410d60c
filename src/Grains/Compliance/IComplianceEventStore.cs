namespace ComplianceGrains.Compliance;

/// <summary>The append-only store of compliance events, outside grain state; listed per service provider.</summary>
public interface IComplianceEventStore
{
    /// <summary>Appends events; those it already has (the same id) are ignored, so a repeated append adds nothing.</summary>
    Task AppendAsync(IReadOnlyList<ComplianceEvent> events);

    /// <summary>A provider's events, newest first.</summary>
    Task<Page<ComplianceEvent>> ListAsync(Guid serviceProviderId, ComplianceEventFilter filter, PageRequest page);
}

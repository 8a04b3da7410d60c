
namespace ComplianceGrains.Compliance;

/// <summary>
/// The append-only answer history, kept outside grain state so that writing a submission does not cost more
/// as history grows.
/// </summary>
public interface IAnswerHistoryStore
{
    /// <summary>Appends entries; those it already has (the same offering user and sequence) are ignored.</summary>
    Task AppendAsync(IReadOnlyList<HistoryEntry> entries);

    /// <summary>An offering user's entries, newest first.</summary>
    Task<Page<HistoryEntry>> ListAsync(Guid offeringUserId, PageRequest page);

    Task DeleteAsync(Guid offeringUserId);
}

namespace ComplianceGrains.Compliance;

/// <summary>
/// A grain state that carries the history entries its writes owe the answer history (its outbox, <see cref="StateOutbox"/>).
/// A grain storage that stores them in the same transaction as the state removes them from the list once that
/// transaction has committed, as the outbox does once it has appended them; any other storage leaves them to the outbox.
/// </summary>
public interface IOwedHistory
{
    List<HistoryEntry> UnappendedHistory { get; }
}

namespace ComplianceGrains.Compliance;

/// <summary>
/// What one grain-state write owes the stores beside it (the projection row of its snapshot, its history entries, its
/// events), offered to the grain storage for the duration of that write. A storage that can commit some or all of them
/// in the state's own transaction takes the offer (<see cref="TryTake"/>) and says which parts it committed
/// (<see cref="Committed"/>); those are durable together with the state or not at all, and the outbox does not write
/// them again. What no storage committed, the outbox delivers after the write, as it does for a storage that ignores
/// the offer.
/// </summary>
/// <remarks>
/// The offer travels with the grain's call into <see cref="Orleans.Storage.IGrainStorage"/> (an async-local value),
/// because the storage interface carries only the state; it is bound to the writing grain, so no other write takes it.
/// </remarks>
public sealed class OwedWithState
{
    private static readonly AsyncLocal<OwedWithState?> Offered = new();

    private OwedWithState(GrainId owner, OfferingUserSnapshot? snapshot, IReadOnlyList<HistoryEntry> history, IReadOnlyList<ComplianceEvent> events)
    {
        Owner = owner;
        Snapshot = snapshot;
        History = history;
        Events = events;
    }

    public GrainId Owner { get; }

    public OfferingUserSnapshot? Snapshot { get; }

    public IReadOnlyList<HistoryEntry> History { get; }

    public IReadOnlyList<ComplianceEvent> Events { get; }

    private bool _taken;

    /// <summary>The parts a storage committed with the state; read once the state write that carried the offer has returned.</summary>
    public OwedParts CommittedParts { get; private set; }

    /// <summary>Called by the storage that took the offer, once the state and <paramref name="parts"/> have committed.</summary>
    public void Committed(OwedParts parts) => CommittedParts |= parts;

    /// <summary>Runs <paramref name="writeState"/> with the offer; answers the offer, so the caller sees what was committed with it.</summary>
    internal static async Task<OwedWithState> WriteAsync(
        GrainId owner, OfferingUserSnapshot? snapshot, IReadOnlyList<HistoryEntry> history, IReadOnlyList<ComplianceEvent> events,
        Func<Task> writeState)
    {
        var offer = new OwedWithState(owner, snapshot, history, events);
        Offered.Value = offer;
        try
        {
            await writeState();
        }
        finally
        {
            Offered.Value = null;
        }
        return offer;
    }

    /// <summary>
    /// The offer of the write of <paramref name="grainId"/>'s state now under way, if any and not yet taken; the caller
    /// reports what it committed with the state (<see cref="Committed"/>), or fails the write.
    /// </summary>
    public static OwedWithState? TryTake(GrainId grainId)
    {
        if (Offered.Value is not { _taken: false } offer || offer.Owner != grainId) return null;
        offer._taken = true;
        return offer;
    }
}

/// <summary>The parts of what a state write owes (<see cref="OwedWithState"/>) that a storage committed with it.</summary>
[Flags]
public enum OwedParts
{
    None = 0,
    ProjectionRow = 1,
    History = 2,
    Events = 4,
    All = ProjectionRow | History | Events,
}

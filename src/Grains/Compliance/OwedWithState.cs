namespace ComplianceGrains.Compliance;

/// <summary>
/// What one grain-state write owes the stores beside it (the projection row of its snapshot, its history entries, its
/// events), offered to the grain storage for the duration of that write. A storage that can commit them in the
/// state's own transaction takes the offer (<see cref="TryTake"/>); then the state, its row, entries and events are
/// durable together or not at all, and the outbox does not write them again. A storage that cannot ignores it, and the
/// outbox delivers everything after the write, as before.
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

    /// <summary>Whether a storage took the offer: true once the state write that carried it has returned, committed.</summary>
    public bool Taken { get; private set; }

    /// <summary>Runs <paramref name="writeState"/> with the offer; answers the offer, so the caller sees whether it was taken.</summary>
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
    /// commits it with the state or fails the write.
    /// </summary>
    public static OwedWithState? TryTake(GrainId grainId)
    {
        if (Offered.Value is not { Taken: false } offer || offer.Owner != grainId) return null;
        offer.Taken = true;
        return offer;
    }
}

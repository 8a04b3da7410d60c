using ComplianceGrains.Operations;
using ComplianceGrains.Marketplace;
using Microsoft.Extensions.Logging;

namespace ComplianceGrains.Compliance;

/// <summary>The parts of a grain's stored state that are owed to consumers; they live in that state.</summary>
public sealed record OutboxItems(List<HistoryEntry> History, List<ComplianceEvent> Events);

/// <summary>
/// Delivers what a grain's stored state owes its consumers, with one retry loop: the newest snapshot (to the projection
/// and the provider's counters), the history entries and the events stored with the state. The state write is what a
/// client's answer rests on, so a failed delivery never fails the request: a grain timer retries until every consumer
/// has its part. Entries and events are forgotten in memory once delivered and stay in the stored state until its next
/// write, so an activation may deliver them again; every consumer ignores what it already has.
/// </summary>
public sealed class StateOutbox(IGrainBase owner, OutboxConsumers consumers, Func<OutboxItems> items, ILogger logger)
{
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);
    private OfferingUserSnapshot? _unpublished;
    private ComplianceCount? _deliveredCount;
    private IGrainTimer? _retry;
    private bool _stopped;

    public bool HasUndeliveredSnapshot => _unpublished is not null;

    /// <summary>
    /// After an activation: a crash may have come between a write and its delivery, so everything stored is delivered
    /// again, by the retry timer, unless the activation's first write delivers a newer snapshot before (a lifecycle job
    /// activating thousands of grains would otherwise publish each of them twice).
    /// </summary>
    public void Resume(OfferingUserSnapshot? snapshot)
    {
        _unpublished = snapshot;
        KeepRetryingWhileUndelivered();
    }

    /// <summary>Delivers a state just written: its snapshot (if it has one) and the entries and events stored with it.</summary>
    public async Task DeliverAsync(OfferingUserSnapshot? snapshot)
    {
        await Task.WhenAll(
            snapshot is null ? Task.CompletedTask : PublishAsync(snapshot),
            TryAsync(AppendHistoryAsync, "history entries"),
            TryAsync(AppendEventsAsync, "events"));
        KeepRetryingWhileUndelivered();
    }

    /// <summary>
    /// Writes the state with what it owes offered to the storage (<see cref="OwedWithState"/>), then delivers what the
    /// storage did not commit with it: everything when it took nothing. The provider's counters and the webhooks' queue
    /// are grains, not rows: they are always delivered here.
    /// </summary>
    public async Task StoreAsync(Func<Task> writeState, OfferingUserSnapshot? snapshot)
    {
        var owed = items();
        var offer = await OwedWithState.WriteAsync(owner.GrainContext.GrainId, snapshot, owed.History.ToList(), owed.Events.ToList(), writeState);
        var committed = offer.CommittedParts;
        if (committed.HasFlag(OwedParts.History)) owed.History.RemoveRange(0, offer.History.Count);
        await Task.WhenAll(
            snapshot is null ? Task.CompletedTask : PublishAsync(snapshot, projected: committed.HasFlag(OwedParts.ProjectionRow)),
            committed.HasFlag(OwedParts.History) ? Task.CompletedTask : TryAsync(AppendHistoryAsync, "history entries"),
            !committed.HasFlag(OwedParts.Events) ? TryAsync(AppendEventsAsync, "events")
                : offer.Events.Count == 0 ? Task.CompletedTask
                : TryAsync(() => EnqueueStoredEventsAsync(offer.Events), "events"));
        KeepRetryingWhileUndelivered();
    }

    /// <summary>A last attempt before deactivation; what fails is delivered by the next activation.</summary>
    public Task StopAsync()
    {
        _stopped = true;
        return DeliverAsync(_unpublished);
    }

    /// <summary>Appends the stored history entries, or throws: a history read lists every stored submission or fails.</summary>
    public async Task AppendHistoryAsync()
    {
        var pending = items().History;
        if (pending.Count == 0) return;
        var entries = pending.ToList();
        await consumers.AppendHistoryAsync(entries);
        pending.RemoveRange(0, entries.Count);
    }

    private async Task AppendEventsAsync()
    {
        var pending = items().Events;
        if (pending.Count == 0) return;
        var events = pending.ToList();
        await consumers.AppendEventsAsync(events);
        pending.RemoveRange(0, events.Count);
    }

    /// <summary>Queues events already stored for the webhooks; a failure leaves them owed, and the retry appends them again.</summary>
    private async Task EnqueueStoredEventsAsync(IReadOnlyList<ComplianceEvent> stored)
    {
        await consumers.EnqueueEventsAsync(stored);
        items().Events.RemoveRange(0, stored.Count);
    }

    /// <param name="projected">The projection already has the snapshot's row (committed with the state).</param>
    private async Task PublishAsync(OfferingUserSnapshot snapshot, bool projected = false)
    {
        _unpublished = snapshot;
        try
        {
            _deliveredCount = await consumers.PublishAsync(snapshot, _deliveredCount, projected);
            if (_unpublished == snapshot) _unpublished = null;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Publishing snapshot {Version} of {Owner} failed; retrying", snapshot.Version, owner.GrainContext.GrainId);
            ComplianceMetrics.PublicationRetried();
        }
    }

    private async Task TryAsync(Func<Task> deliver, string what)
    {
        try
        {
            await deliver();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Delivering the {What} stored by {Owner} failed; retrying", what, owner.GrainContext.GrainId);
        }
    }

    private void KeepRetryingWhileUndelivered()
    {
        var owed = items();
        if ((_unpublished is null && owed.History.Count == 0 && owed.Events.Count == 0) || _stopped)
        {
            _retry?.Dispose();
            _retry = null;
        }
        else
        {
            _retry ??= owner.RegisterGrainTimer(() => DeliverAsync(_unpublished), new GrainTimerCreationOptions(RetryPeriod, RetryPeriod));
        }
    }
}

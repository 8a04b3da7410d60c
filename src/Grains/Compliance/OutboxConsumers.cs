using ComplianceGrains.Marketplace;

namespace ComplianceGrains.Compliance;

/// <summary>
/// The consumers of what stored grain states owe: the snapshot's two consumers (through <see cref="SnapshotPublisher"/>),
/// the answer history, the event store and the providers' webhooks. Every one of them ignores what it already has, so redelivery is harmless.
/// </summary>
public sealed class OutboxConsumers(
    SnapshotPublisher publisher, IAnswerHistoryStore history, IComplianceEventStore events, IGrainFactory grains)
{
    public Task<ComplianceCount> PublishAsync(OfferingUserSnapshot snapshot, ComplianceCount? delivered, bool projected) =>
        publisher.PublishAsync(snapshot, delivered, projected);

    public Task AppendHistoryAsync(IReadOnlyList<HistoryEntry> entries) => history.AppendAsync(entries);

    /// <summary>Appends the events to the event store, then queues them for the providers' webhooks.</summary>
    public async Task AppendEventsAsync(IReadOnlyList<ComplianceEvent> appended)
    {
        await events.AppendAsync(appended);
        await EnqueueEventsAsync(appended);
    }

    /// <summary>Queues stored events for the providers' webhooks.</summary>
    public Task EnqueueEventsAsync(IReadOnlyList<ComplianceEvent> stored) =>
        Task.WhenAll(stored.GroupBy(e => e.ServiceProviderId)
            .Select(provider => grains.GetGrain<IWebhookGrain>(provider.Key).EnqueueAsync(provider.ToList())));
}

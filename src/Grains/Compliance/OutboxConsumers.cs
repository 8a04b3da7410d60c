using ComplianceGrains.Marketplace;

namespace ComplianceGrains.Compliance;

/// <summary>
/// The consumers of what stored grain states owe: the snapshot's two consumers (through <see cref="SnapshotPublisher"/>),
/// the answer history and the event store. Every one of them ignores what it already has, so redelivery is harmless.
/// </summary>
public sealed class OutboxConsumers(SnapshotPublisher publisher, IAnswerHistoryStore history, IComplianceEventStore events)
{
    public Task<ComplianceCount> PublishAsync(OfferingUserSnapshot snapshot, ComplianceCount? delivered) =>
        publisher.PublishAsync(snapshot, delivered);

    public Task AppendHistoryAsync(IReadOnlyList<HistoryEntry> entries) => history.AppendAsync(entries);

    public Task AppendEventsAsync(IReadOnlyList<ComplianceEvent> appended) => events.AppendAsync(appended);
}

using ComplianceGrains.Compliance;

namespace ComplianceGrains.Tests.Support;

/// <summary>The in-memory event store, with appends that fail while <see cref="FailAppends"/> is set.</summary>
public sealed class FailingComplianceEventStore : IComplianceEventStore
{
    private readonly InMemoryComplianceEventStore _inner = new();

    public volatile bool FailAppends;

    public Task AppendAsync(IReadOnlyList<ComplianceEvent> events) =>
        FailAppends ? Task.FromException(new IOException("The event store is unavailable.")) : _inner.AppendAsync(events);

    public Task<Page<ComplianceEvent>> ListAsync(Guid serviceProviderId, ComplianceEventFilter filter, PageRequest page) =>
        _inner.ListAsync(serviceProviderId, filter, page);
}

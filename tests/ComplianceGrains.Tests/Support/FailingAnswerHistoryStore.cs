using ComplianceGrains.Compliance;

namespace ComplianceGrains.Tests.Support;

/// <summary>The embedded history store, with appends that fail while <see cref="FailAppends"/> is set.</summary>
public sealed class FailingAnswerHistoryStore : IAnswerHistoryStore
{
    private readonly InMemoryAnswerHistoryStore _inner = new();

    public volatile bool FailAppends;

    public Task AppendAsync(IReadOnlyList<HistoryEntry> entries) =>
        FailAppends ? Task.FromException(new IOException("The history store is unavailable.")) : _inner.AppendAsync(entries);

    public Task<Page<HistoryEntry>> ListAsync(Guid offeringUserId, PageRequest page) => _inner.ListAsync(offeringUserId, page);

    public Task DeleteAsync(Guid offeringUserId) => _inner.DeleteAsync(offeringUserId);
}

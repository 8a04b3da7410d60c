using System.Threading.Channels;
using ComplianceGrains.Operations;

namespace ComplianceGrains.Silo;

/// <summary>
/// Group commit: items that many grains write at the same time are gathered and written by one statement (PostgreSQL)
/// or one transaction (SQLite). A caller's task completes when the batch that carried its item has committed, and
/// fails with it. A batch is whatever arrived while the previous ones were in flight, so a lone write waits for
/// nothing and a busy silo pays one round trip (or one fsync) per batch instead of one per item.
/// </summary>
public sealed class GroupCommit<T> : IAsyncDisposable
{
    private readonly Channel<(T Item, TaskCompletionSource Committed)> _queue =
        Channel.CreateUnbounded<(T, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Func<IReadOnlyList<T>, Task> _write;
    private readonly int _maxBatch;
    private readonly Task[] _writers;
    private readonly string _store;

    /// <param name="store">What the batches are written to, the tag of their sizes in the metrics.</param>
    /// <param name="write">Writes one batch in one statement (or one transaction).</param>
    /// <param name="writers">Batches in flight at once.</param>
    /// <param name="maxBatch">The most items a batch carries.</param>
    public GroupCommit(string store, Func<IReadOnlyList<T>, Task> write, int writers, int maxBatch)
    {
        _store = store;
        _write = write;
        _maxBatch = maxBatch;
        _writers = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteBatchesAsync)).ToArray();
    }

    public Task WriteAsync(T item)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((item, committed))) throw new ObjectDisposedException(nameof(GroupCommit<T>));
        return committed.Task;
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<(T Item, TaskCompletionSource Committed)>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var entry)) batch.Add(entry);
            if (batch.Count == 0) continue;
            ComplianceMetrics.GroupCommitBatch(_store, batch.Count);
            try
            {
                await _write(batch.Select(entry => entry.Item).ToList());
                foreach (var entry in batch) entry.Committed.TrySetResult();
            }
            catch (Exception e)
            {
                foreach (var entry in batch) entry.Committed.TrySetException(e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }
}

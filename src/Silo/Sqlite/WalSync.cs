using System.Threading.Channels;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// Makes committed groups durable beside the writer. The writer commits at <c>synchronous=NORMAL</c>: its
/// <c>COMMIT</c> writes the group's pages to the write-ahead log and returns without waiting for the disk. This loop
/// then syncs the log and only after that acknowledges the groups that had committed before the sync began, in commit
/// order, so an acknowledged write has reached the disk exactly as with <c>synchronous=FULL</c>. The difference is
/// what the writer does meanwhile: it runs the next group's statements while the disk syncs, and one sync covers every
/// group committed before it, instead of one sync inside every <c>COMMIT</c> with the writer idle.
/// </summary>
internal sealed class WalSync : IAsyncDisposable
{
    private readonly Channel<CommittedGroup> _committed =
        Channel.CreateUnbounded<CommittedGroup>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Action _sync;
    private readonly Task _loop;

    /// <param name="sync">Flushes the log to the disk; it may run while the writer appends to it.</param>
    public WalSync(Action sync)
    {
        _sync = sync;
        _loop = Task.Run(SyncCommittedGroupsAsync);
    }

    /// <summary>
    /// A group has committed; <paramref name="afterSync"/> runs once its pages are on the disk, before the returned task
    /// completes (after those of earlier groups). A failed sync fails the task and skips <paramref name="afterSync"/>.
    /// </summary>
    public Task Committed(Action afterSync)
    {
        var group = new CommittedGroup(afterSync);
        if (!_committed.Writer.TryWrite(group)) throw new ObjectDisposedException(nameof(WalSync));
        return group.Durable.Task;
    }

    private async Task SyncCommittedGroupsAsync()
    {
        var groups = new List<CommittedGroup>();
        while (await _committed.Reader.WaitToReadAsync())
        {
            groups.Clear();
            while (_committed.Reader.TryRead(out var group)) groups.Add(group);
            try
            {
                _sync();
            }
            catch (Exception e)
            {
                foreach (var group in groups) group.Durable.TrySetException(e);
                continue;
            }
            foreach (var group in groups)
            {
                try
                {
                    group.AfterSync();
                    group.Durable.TrySetResult();
                }
                catch (Exception e)
                {
                    group.Durable.TrySetException(e);
                }
            }
        }
    }

    /// <summary>Syncs what has committed, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _committed.Writer.TryComplete();
        await _loop;
    }

    private sealed class CommittedGroup(Action afterSync)
    {
        public Action AfterSync { get; } = afterSync;

        public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

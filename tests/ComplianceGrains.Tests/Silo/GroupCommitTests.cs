using ComplianceGrains.Silo;
using System.Diagnostics.Metrics;
using ComplianceGrains.Operations;
using ComplianceGrains.Silo.Postgres;

namespace ComplianceGrains.Tests.Silo;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Writes_that_arrive_while_a_batch_is_in_flight_go_out_together_in_the_next()
    {
        var firstBatchStarted = new TaskCompletionSource();
        var releaseFirstBatch = new TaskCompletionSource();
        var batches = new List<IReadOnlyList<int>>();
        await using var commit = new GroupCommit<int>("test", async batch =>
        {
            lock (batches) batches.Add(batch);
            if (batches.Count == 1)
            {
                firstBatchStarted.SetResult();
                await releaseFirstBatch.Task;
            }
        }, writers: 1, maxBatch: 100);

        var first = commit.WriteAsync(0);
        await firstBatchStarted.Task;
        var waiting = Enumerable.Range(1, 10).Select(commit.WriteAsync).ToList();
        Assert.False(first.IsCompleted);
        releaseFirstBatch.SetResult();
        await Task.WhenAll(waiting.Append(first));

        Assert.Equal([[0], Enumerable.Range(1, 10).ToList()], batches);
    }

    [Fact]
    public async Task A_failed_batch_fails_every_write_it_carried_and_later_writes_still_go_out()
    {
        var fail = true;
        await using var commit = new GroupCommit<int>("test", _ => fail ? throw new InvalidOperationException("disk full") : Task.CompletedTask, writers: 1, maxBatch: 100);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => commit.WriteAsync(1));
        Assert.Equal("disk full", error.Message);
        fail = false;
        await commit.WriteAsync(2);
    }
    [Fact]
    public async Task Each_batch_records_its_size_under_its_store()
    {
        var store = $"store-{Guid.NewGuid():N}";
        var sizes = new List<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ComplianceMetrics.MeterName && instrument.Name == "compliance.group_commit.batch_size") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, size, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "store" && (string?)tag.Value == store) lock (sizes) sizes.Add(size);
        });
        listener.Start();
        var firstBatchStarted = new TaskCompletionSource();
        var releaseFirstBatch = new TaskCompletionSource();
        await using var commit = new GroupCommit<int>(store, async batch =>
        {
            if (firstBatchStarted.TrySetResult()) await releaseFirstBatch.Task;
        }, writers: 1, maxBatch: 100);

        var first = commit.WriteAsync(0);
        await firstBatchStarted.Task;
        var waiting = Enumerable.Range(1, 5).Select(commit.WriteAsync).ToList();
        releaseFirstBatch.SetResult();
        await Task.WhenAll(waiting.Append(first));

        lock (sizes) Assert.Equal([1, 5], sizes);
    }
}

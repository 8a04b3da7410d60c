using ComplianceGrains.Compliance;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Silo.Postgres;
using Npgsql;

namespace ComplianceGrains.Tests.Postgres;

/// <summary>Projection rows and history entries written by many grains at once, as cluster mode batches them.</summary>
public sealed class BatchedProjectionWritesTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static OfferingUserSnapshot Snapshot(Guid id, Guid provider, long version, bool completed) => new(
        new OfferingUserView(id, Guid.Empty, "Offering", Guid.Empty, provider, Guid.NewGuid(), "user", $"User {id:N}", "",
            "user", "OK", false, true, Now, Now),
        "Customer",
        new CompletionStatus(Guid.NewGuid(), Guid.NewGuid(), "Checklist", "", completed, completed ? 100 : 50, [], false,
            null, null, null, "", Now, Now.AddSeconds(version)),
        version,
        Deleted: false);

    [PostgresFact]
    public async Task Concurrent_upserts_of_many_versions_leave_each_offering_user_at_its_newest()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var projection = new PostgresComplianceProjection(dataSource, TimeProvider.System);
        var provider = Guid.NewGuid();
        var ids = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
        // Every offering user gets versions 1–5 in a random order; the newest (5) is completed.
        var writes = ids.SelectMany(id => Enumerable.Range(1, 5).Select(v => Snapshot(id, provider, v, completed: v == 5)))
            .OrderBy(_ => Random.Shared.Next())
            .ToList();

        await Task.WhenAll(writes.Select(projection.UpsertAsync));

        var counts = await projection.CountsForProviderAsync(provider);
        Assert.Equal(ids.Order(), counts.Select(c => c.OfferingUserId).Order());
        Assert.All(counts, c => Assert.Equal(5, c.Version));
        Assert.All(counts, c => Assert.True(c.IsCompleted));
        var page = await projection.ListProviderOfferingUsersAsync(provider, new ProviderOfferingUserFilter(null, "completed"), new PageRequest(0, 100));
        Assert.Equal(ids.Count, page.TotalCount);
    }

    [PostgresFact]
    public async Task Concurrent_history_appends_store_every_entry_once_even_when_retried()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var history = new PostgresAnswerHistoryStore(dataSource);
        var offeringUser = Guid.NewGuid();
        var submissions = Enumerable.Range(0, 30)
            .Select(s => (IReadOnlyList<HistoryEntry>)Enumerable.Range(0, 5)
                .Select(q => new HistoryEntry(offeringUser, Guid.NewGuid(), Guid.NewGuid(), $"Question {q}", $"{s}", Guid.NewGuid(), "User", Now, s * 5 + q + 1))
                .ToList())
            .ToList();

        await Task.WhenAll(submissions.Concat(submissions.Take(10)).Select(history.AppendAsync));

        var stored = await history.ListAsync(offeringUser, new PageRequest(0, 1000));
        Assert.Equal(150, stored.TotalCount);
        Assert.Equal(Enumerable.Range(1, 150).Select(i => (long)i).Reverse(), stored.Items.Select(e => e.Sequence));
    }
}

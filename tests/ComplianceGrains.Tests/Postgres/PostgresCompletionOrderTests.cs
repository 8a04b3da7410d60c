using ComplianceGrains.Compliance;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Projections;
using ComplianceGrains.Silo.Postgres;
using Npgsql;

namespace ComplianceGrains.Tests.Postgres;

/// <summary>The completions list of cluster mode, ordered by a sort key kept beside the projection row.</summary>
public sealed class PostgresCompletionOrderTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTime Start = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    [PostgresFact]
    public async Task Submissions_move_a_completion_in_the_modified_order_and_unlisted_rows_leave_it()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var projection = new PostgresComplianceProjection(dataSource, TimeProvider.System);
        var customer = Guid.NewGuid();
        var visibility = new OfferingUserVisibility(false, Guid.NewGuid(), new HashSet<Guid> { customer });
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Task.WhenAll(
            projection.UpsertAsync(Snapshot(a, customer, 1, modifiedMinute: 1, completed: true)),
            projection.UpsertAsync(Snapshot(b, customer, 1, modifiedMinute: 2, completed: false)),
            projection.UpsertAsync(Snapshot(c, customer, 1, modifiedMinute: 3, completed: true)),
            projection.UpsertAsync(Snapshot(d, customer, 1, modifiedMinute: 4, completed: false)));

        Assert.Equal([d, c, b, a], await ListAsync(projection, visibility));
        Assert.Equal([a, b, c, d], await ListAsync(projection, visibility, "modified"));
        Assert.Equal([d, b, c, a], await ListAsync(projection, visibility, "is_completed", "-modified"));

        // A submission to a: newest first now. An older version arriving late changes nothing.
        await projection.UpsertAsync(Snapshot(a, customer, 2, modifiedMinute: 5, completed: true));
        await projection.UpsertAsync(Snapshot(a, customer, 1, modifiedMinute: 1, completed: true));
        Assert.Equal([a, d, c, b], await ListAsync(projection, visibility));

        // Deleted, or without a completion: out of the list, and back with a completion.
        await projection.UpsertAsync(Snapshot(d, customer, 2, modifiedMinute: 6, completed: false) with { Deleted = true });
        await projection.UpsertAsync(Snapshot(c, customer, 2, modifiedMinute: 6, completed: true) with { Completion = null });
        Assert.Equal([a, b], await ListAsync(projection, visibility));
        var page = await projection.ListCompletionsAsync(visibility, new CompletionFilter(null, null, null, []), new PageRequest(0, 1));
        Assert.Equal(2, page.TotalCount);
        await projection.UpsertAsync(Snapshot(c, customer, 3, modifiedMinute: 7, completed: false));
        Assert.Equal([c, a, b], await ListAsync(projection, visibility));
        Assert.Equal([c, b], await ListAsync(projection, visibility, filter: false));
    }

    private static async Task<List<Guid>> ListAsync(
        PostgresComplianceProjection projection, OfferingUserVisibility visibility, params string[] ordering) =>
        await ListAsync(projection, visibility, null, ordering);

    private static async Task<List<Guid>> ListAsync(
        PostgresComplianceProjection projection, OfferingUserVisibility visibility, bool? filter, params string[] ordering)
    {
        var page = await projection.ListCompletionsAsync(visibility, new CompletionFilter(null, null, filter, ordering), new PageRequest(0, 100));
        return page.Items.Select(row => row.Id).ToList();
    }

    private static OfferingUserSnapshot Snapshot(Guid id, Guid customer, long version, int modifiedMinute, bool completed) => new(
        new OfferingUserView(id, Guid.Empty, "Offering", customer, Guid.NewGuid(), Guid.NewGuid(), "user", $"User {id:N}", "",
            "user", "OK", false, true, Start, Start),
        "Customer",
        new CompletionStatus(Guid.NewGuid(), Guid.NewGuid(), "Checklist", "", completed, completed ? 100 : 50, [], false,
            null, null, null, "", Start, Start.AddMinutes(modifiedMinute)),
        version,
        Deleted: false);
}

using ComplianceGrains.Compliance;

namespace ComplianceGrains.Tests.Grains;

/// <summary>The provider's counters keep the newest count of each offering user: repeats and reordering never drift.</summary>
public sealed class ComplianceCountersTests
{
    private static readonly Guid Offering = Guid.NewGuid();
    private static readonly Guid Checklist = Guid.NewGuid();

    private static ComplianceCount Count(Guid user, long version, bool completed, Guid? checklist = null, bool deleted = false) =>
        new(user, Offering, checklist ?? Checklist, completed, version, deleted);

    [Fact]
    public void Applying_the_same_count_twice_changes_nothing()
    {
        var counters = new ComplianceCounters();
        var count = Count(Guid.NewGuid(), 1, completed: true);
        counters.Apply(count);
        counters.Apply(count);
        Assert.Equal((1, 1, 1), counters.For(Offering, Checklist));
    }

    [Fact]
    public void An_older_count_after_a_newer_one_is_ignored()
    {
        var counters = new ComplianceCounters();
        var user = Guid.NewGuid();
        counters.Apply(Count(user, 2, completed: true));
        counters.Apply(Count(user, 1, completed: false));
        Assert.Equal((1, 1, 1), counters.For(Offering, Checklist));
    }

    [Fact]
    public void A_tombstone_removes_the_user_and_older_counts_do_not_bring_it_back()
    {
        var counters = new ComplianceCounters();
        var user = Guid.NewGuid();
        counters.Apply(Count(user, 1, completed: true));
        counters.Apply(Count(user, 2, completed: true, deleted: true));
        counters.Apply(Count(user, 1, completed: true));
        Assert.Equal((0, 0, 0), counters.For(Offering, Checklist));
    }

    [Fact]
    public void Counts_of_another_checklist_count_as_users_but_not_as_completions()
    {
        var counters = new ComplianceCounters();
        counters.Apply(Count(Guid.NewGuid(), 1, completed: true, checklist: Guid.NewGuid()));
        counters.Apply(Count(Guid.NewGuid(), 1, completed: true));
        Assert.Equal((2, 1, 1), counters.For(Offering, Checklist));
        Assert.Equal((2, 0, 0), counters.For(Offering, null));
    }

    [Fact]
    public void Any_order_of_the_same_counts_gives_the_same_totals()
    {
        var random = new Random(1234);
        var users = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        var counts = users
            .SelectMany(user => Enumerable.Range(1, 6).Select(version =>
                Count(user, version, completed: random.Next(2) == 0, deleted: version == 6 && random.Next(4) == 0)))
            .ToList();
        var newest = counts.GroupBy(c => c.OfferingUserId).Select(g => g.MaxBy(c => c.Version)!).Where(c => !c.Deleted).ToList();
        var expected = (newest.Count, newest.Count, newest.Count(c => c.IsCompleted));

        for (var round = 0; round < 10; round++)
        {
            var counters = new ComplianceCounters();
            foreach (var count in counts.OrderBy(_ => random.Next())) counters.Apply(count);
            foreach (var count in counts.Take(30)) counters.Apply(count);
            Assert.Equal(expected, counters.For(Offering, Checklist));
        }
    }
}

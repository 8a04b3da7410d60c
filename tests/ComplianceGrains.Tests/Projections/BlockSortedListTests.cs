using ComplianceGrains.Projections;

namespace ComplianceGrains.Tests.Projections;

/// <summary>The sorted list behind the in-memory provider pages, checked against SortedSet over random edits.</summary>
public sealed class BlockSortedListTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_adds_and_removes_keep_the_order_the_count_and_every_slice_of_a_sorted_set(int seed)
    {
        var random = new Random(seed);
        var list = new BlockSortedList<int>(Comparer<int>.Default);
        var reference = new SortedSet<int>();
        for (var step = 0; step < 20_000; step++)
        {
            var value = random.Next(5_000);
            if (random.Next(3) == 0) Assert.Equal(reference.Remove(value), list.Remove(value));
            else Assert.Equal(reference.Add(value), list.Add(value));
        }

        Assert.Equal(reference.Count, list.Count);
        Assert.Equal(reference, list.Slice(0, int.MaxValue));
        foreach (var offset in new[] { 0, 1, 511, 512, 513, 1000, reference.Count - 1, reference.Count, reference.Count + 10 })
            Assert.Equal(reference.Skip(offset).Take(100), list.Slice(offset, 100));
    }

    [Fact]
    public void Removing_everything_leaves_an_empty_list_that_still_accepts_items()
    {
        var list = new BlockSortedList<int>(Comparer<int>.Default);
        foreach (var value in Enumerable.Range(0, 2_000)) list.Add(value);
        foreach (var value in Enumerable.Range(0, 2_000)) Assert.True(list.Remove(value));
        Assert.Equal(0, list.Count);
        Assert.Empty(list.Slice(0, 10));
        Assert.False(list.Remove(1));
        Assert.True(list.Add(7));
        Assert.Equal([7], list.Slice(0, 10));
    }
}

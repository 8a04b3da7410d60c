namespace ComplianceGrains.Projections;

/// <summary>
/// A sorted set kept as a list of sorted blocks of at most <see cref="MaxBlock"/> items: adding or removing costs a
/// binary search and a shift inside one block, and reaching the item at an offset costs a walk over block sizes, so
/// a deep page of a 100k-row list costs a few hundred steps instead of a walk over every row before it.
/// Not thread-safe.
/// </summary>
internal sealed class BlockSortedList<T>(IComparer<T> comparer)
{
    private const int MaxBlock = 512;
    private readonly List<List<T>> _blocks = [];

    public int Count { get; private set; }

    /// <summary>Adds the item; false when an equal item is present already.</summary>
    public bool Add(T item)
    {
        if (_blocks.Count == 0)
        {
            _blocks.Add([item]);
            Count = 1;
            return true;
        }
        var blockIndex = BlockFor(item);
        var block = _blocks[blockIndex];
        var position = block.BinarySearch(item, comparer);
        if (position >= 0) return false;
        block.Insert(~position, item);
        Count++;
        if (block.Count > MaxBlock)
        {
            var upperHalf = block.GetRange(MaxBlock / 2, block.Count - MaxBlock / 2);
            block.RemoveRange(MaxBlock / 2, block.Count - MaxBlock / 2);
            _blocks.Insert(blockIndex + 1, upperHalf);
        }
        return true;
    }

    /// <summary>Removes the item; false when it is not present.</summary>
    public bool Remove(T item)
    {
        if (_blocks.Count == 0) return false;
        var blockIndex = BlockFor(item);
        var block = _blocks[blockIndex];
        var position = block.BinarySearch(item, comparer);
        if (position < 0) return false;
        block.RemoveAt(position);
        Count--;
        if (block.Count == 0) _blocks.RemoveAt(blockIndex);
        return true;
    }

    /// <summary>Up to <paramref name="limit"/> items in order, from the <paramref name="offset"/>-th on.</summary>
    public List<T> Slice(int offset, int limit)
    {
        var items = new List<T>(Math.Max(0, Math.Min(limit, Count - offset)));
        var blockIndex = 0;
        while (blockIndex < _blocks.Count && offset >= _blocks[blockIndex].Count) offset -= _blocks[blockIndex++].Count;
        for (; blockIndex < _blocks.Count && items.Count < limit; blockIndex++, offset = 0)
        {
            var block = _blocks[blockIndex];
            var take = Math.Min(block.Count - offset, limit - items.Count);
            items.AddRange(block.GetRange(offset, take));
        }
        return items;
    }

    /// <summary>Every item, in order or in reverse order.</summary>
    public IEnumerable<T> All(bool reverse = false)
    {
        if (!reverse) return _blocks.SelectMany(block => block);
        return Enumerable.Range(0, _blocks.Count).Reverse().SelectMany(b => Enumerable.Range(0, _blocks[b].Count).Reverse().Select(i => _blocks[b][i]));
    }

    /// <summary>The first block whose last item is not below the item, or the last block.</summary>
    private int BlockFor(T item)
    {
        int low = 0, high = _blocks.Count - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (comparer.Compare(_blocks[middle][^1], item) < 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}

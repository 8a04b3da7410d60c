namespace ComplianceGrains.WebApi.Web;

/// <summary>
/// Reordering by hand: questions and options keep an <c>order</c> number, so moving one renumbers the list 1…n in its new
/// order, and only the items whose number changes are written.
/// </summary>
public static class ManualOrder
{
    /// <param name="ordered">The ids in their current order, with their order numbers.</param>
    /// <param name="wanted">The ids in the wanted order; ids it does not name keep their places after it.</param>
    public static IReadOnlyList<(Guid Id, int Order)> Renumber(IReadOnlyList<(Guid Id, int Order)> ordered, IReadOnlyList<Guid> wanted)
    {
        var known = ordered.Select(o => o.Id).ToHashSet();
        var sequence = wanted.Where(known.Contains).Distinct().Concat(ordered.Select(o => o.Id).Where(id => !wanted.Contains(id))).ToList();
        var current = ordered.ToDictionary(o => o.Id, o => o.Order);
        return sequence.Select((id, index) => (id, index + 1)).Where(o => current[o.id] != o.Item2).ToList();
    }

    /// <summary>The ids with <paramref name="id"/> moved one place up (towards the start) or down.</summary>
    public static IReadOnlyList<Guid> Move(IReadOnlyList<Guid> ids, Guid id, bool up)
    {
        var list = ids.ToList();
        var index = list.IndexOf(id);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= list.Count) return list;
        (list[index], list[other]) = (list[other], list[index]);
        return list;
    }
}

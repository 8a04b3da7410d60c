using ComplianceGrains.Compliance;

namespace ComplianceGrains.Projections;

/// <summary>The <c>o</c> ordering of the completions list: modified and is_completed, either direction; default -modified.</summary>
public static class CompletionOrdering
{
    public static readonly IReadOnlyList<string> Fields = ["modified", "is_completed"];

    public static IEnumerable<OfferingUserSnapshot> Apply(IEnumerable<OfferingUserSnapshot> rows, IReadOnlyList<string> ordering)
    {
        var keys = ordering.Count == 0 ? ["-modified"] : ordering;
        IOrderedEnumerable<OfferingUserSnapshot>? ordered = null;
        foreach (var key in keys)
        {
            var descending = key.StartsWith('-');
            Func<OfferingUserSnapshot, IComparable> selector = key.TrimStart('-') switch
            {
                "is_completed" => row => row.Completion!.IsCompleted,
                _ => row => row.Completion!.Modified,
            };
            ordered = (ordered, descending) switch
            {
                (null, false) => rows.OrderBy(selector),
                (null, true) => rows.OrderByDescending(selector),
                (_, false) => ordered.ThenBy(selector),
                (_, true) => ordered.ThenByDescending(selector),
            };
        }
        return ordered!.ThenBy(row => row.Id);
    }
}

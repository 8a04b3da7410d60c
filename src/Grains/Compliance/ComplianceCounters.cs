
namespace ComplianceGrains.Compliance;

/// <summary>
/// Per-offering compliance counters, kept from the newest count of each offering user. Applying a count is
/// O(1); a count older than the one held is ignored, so repeats and reordering never drift the totals.
/// </summary>
public sealed class ComplianceCounters
{
    private readonly Dictionary<Guid, ComplianceCount> _latest = [];
    private readonly Dictionary<Guid, int> _usersByOffering = [];
    private readonly Dictionary<(Guid Offering, Guid Checklist), (int WithCompletion, int Completed)> _byChecklist = [];

    public void Apply(ComplianceCount count)
    {
        if (_latest.TryGetValue(count.OfferingUserId, out var held))
        {
            if (held.Version >= count.Version) return;
            Add(held, -1);
        }
        _latest[count.OfferingUserId] = count;
        Add(count, +1);
    }

    /// <summary>(total users, users with a completion for the checklist, completed users) of an offering.</summary>
    public (int Total, int WithCompletion, int Completed) For(Guid offeringId, Guid? checklistId)
    {
        var total = _usersByOffering.GetValueOrDefault(offeringId);
        if (checklistId is not { } checklist) return (total, 0, 0);
        var (withCompletion, completed) = _byChecklist.GetValueOrDefault((offeringId, checklist));
        return (total, withCompletion, completed);
    }

    private void Add(ComplianceCount count, int sign)
    {
        if (count.Deleted) return;
        _usersByOffering[count.OfferingId] = _usersByOffering.GetValueOrDefault(count.OfferingId) + sign;
        if (count.ChecklistId is not { } checklist) return;
        var key = (count.OfferingId, checklist);
        var (withCompletion, completed) = _byChecklist.GetValueOrDefault(key);
        _byChecklist[key] = (withCompletion + sign, completed + (count.IsCompleted ? sign : 0));
    }
}

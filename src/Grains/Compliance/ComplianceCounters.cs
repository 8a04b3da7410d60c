using ComplianceGrains.Domain;

namespace ComplianceGrains.Compliance;

/// <summary>An offering's counts at one instant (API.md §5 and §10 compliance_overview/).</summary>
public sealed record OfferingCounts(int Total, int WithCompletion, int Completed, int Overdue, int Expiring);

/// <summary>
/// Per-offering compliance counters, kept from the newest count of each offering user. Applying a count is
/// O(1); a count older than the one held is ignored, so repeats and reordering never drift the totals. Offering
/// users with a due date or an expiry are also kept per offering, so that overdue, expiring and expired users are
/// counted against the clock when read (a due date passes without any write).
/// </summary>
public sealed class ComplianceCounters
{
    /// <summary>An attestation expiring within this window counts as expiring.</summary>
    public static readonly TimeSpan ExpiringWindow = TimeSpan.FromDays(30);

    private readonly Dictionary<Guid, ComplianceCount> _latest = [];
    private readonly Dictionary<Guid, int> _usersByOffering = [];
    private readonly Dictionary<(Guid Offering, Guid Checklist), (int WithCompletion, int Completed)> _byChecklist = [];
    private readonly Dictionary<(Guid Offering, Guid Checklist), Dictionary<Guid, ComplianceCount>> _dated = [];

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
        var counts = For(offeringId, checklistId, DateTime.MinValue);
        return (counts.Total, counts.WithCompletion, counts.Completed);
    }

    /// <summary>An offering's counts at <paramref name="now"/>: an attestation expired since it was counted is not completed.</summary>
    public OfferingCounts For(Guid offeringId, Guid? checklistId, DateTime now)
    {
        var total = _usersByOffering.GetValueOrDefault(offeringId);
        if (checklistId is not { } checklist) return new OfferingCounts(total, 0, 0, 0, 0);
        var (withCompletion, completed) = _byChecklist.GetValueOrDefault((offeringId, checklist));
        int overdue = 0, expiring = 0, expired = 0;
        foreach (var dated in _dated.GetValueOrDefault((offeringId, checklist))?.Values ?? Enumerable.Empty<ComplianceCount>())
        {
            var isCompleted = ComplianceDeadlines.IsCompletedAt(dated.IsCompleted, dated.ExpiresAt, now);
            if (dated.IsCompleted && !isCompleted) expired++;
            if (ComplianceDeadlines.IsOverdueAt(dated.IsCompleted, dated.DueDate, dated.ExpiresAt, now)) overdue++;
            if (isCompleted && ComplianceDeadlines.IsExpiring(dated.ExpiresAt, now, ExpiringWindow)) expiring++;
        }
        return new OfferingCounts(total, withCompletion, completed - expired, overdue, expiring);
    }

    private void Add(ComplianceCount count, int sign)
    {
        if (count.Deleted) return;
        _usersByOffering[count.OfferingId] = _usersByOffering.GetValueOrDefault(count.OfferingId) + sign;
        if (count.ChecklistId is not { } checklist) return;
        var key = (count.OfferingId, checklist);
        var (withCompletion, completed) = _byChecklist.GetValueOrDefault(key);
        _byChecklist[key] = (withCompletion + sign, completed + (count.IsCompleted ? sign : 0));
        if (count.DueDate is null && count.ExpiresAt is null) return;
        if (!_dated.TryGetValue(key, out var dated)) _dated[key] = dated = [];
        if (sign > 0) dated[count.OfferingUserId] = count;
        else dated.Remove(count.OfferingUserId);
    }
}

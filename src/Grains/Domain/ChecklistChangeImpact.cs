namespace ComplianceGrains.Domain;

/// <summary>
/// What changing an offering's checklist does to its offering users (BEHAVIOUR.md §6): attaching creates a completion
/// for every offering user, detaching archives the current completions, a change does both; the same checklist, nothing.
/// </summary>
public sealed record ChecklistChangeImpact(int Created, int Archived)
{
    public static ChecklistChangeImpact Of(Guid? current, Guid? next, int offeringUsers, int usersWithCompletions)
    {
        if (current == next) return new(0, 0);
        return new(next is null ? 0 : offeringUsers, current is null ? 0 : usersWithCompletions);
    }
}

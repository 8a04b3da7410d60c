namespace ComplianceGrains.Checklists;

/// <summary>An offering user's current completion, named as staff recognise it.</summary>
[GenerateSerializer, Immutable]
public sealed record ImpactedCompletion(
    [property: Id(0)] Guid OfferingUserId,
    [property: Id(1)] Guid OfferingId,
    [property: Id(2)] string OfferingName,
    [property: Id(3)] string UserName);

/// <summary>
/// What a checklist edit would do to the offerings using the checklist: every current completion is re-evaluated; some
/// complete ones become incomplete (a required question added, for instance). At most <see cref="ListedCompletions"/>
/// of those are listed; <see cref="BecomeIncompleteCount"/> counts them all.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChecklistEditImpact(
    [property: Id(0)] int Offerings,
    [property: Id(1)] int ReEvaluated,
    [property: Id(2)] int BecomeIncompleteCount,
    [property: Id(3)] IReadOnlyList<ImpactedCompletion> BecomeIncomplete)
{
    public const int ListedCompletions = 50;

    public static readonly ChecklistEditImpact None = new(0, 0, 0, []);

    public ChecklistEditImpact Plus(ChecklistEditImpact other) => new(
        Offerings + other.Offerings,
        ReEvaluated + other.ReEvaluated,
        BecomeIncompleteCount + other.BecomeIncompleteCount,
        BecomeIncomplete.Concat(other.BecomeIncomplete).Take(ListedCompletions).ToList());
}

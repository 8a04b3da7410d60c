namespace ComplianceGrains.Marketplace;

[GenerateSerializer, Immutable]
public sealed record OfferingUserView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OfferingId,
    [property: Id(2)] string OfferingName,
    [property: Id(3)] Guid CustomerId,
    [property: Id(4)] Guid ServiceProviderId,
    [property: Id(5)] Guid UserId,
    [property: Id(6)] string UserUsername,
    [property: Id(7)] string UserFullName,
    [property: Id(8)] string UserEmail,
    [property: Id(9)] string Username,
    [property: Id(10)] string State,
    [property: Id(11)] bool IsRestricted,
    [property: Id(12)] bool HasComplianceChecklist,
    [property: Id(13)] DateTime Created,
    [property: Id(14)] DateTime Modified);

/// <summary>The fields of an offering user that PATCH may change; null leaves a field as it is.</summary>
[GenerateSerializer, Immutable]
public sealed record OfferingUserChanges(
    [property: Id(0)] string? Username,
    [property: Id(1)] string? State,
    [property: Id(2)] bool? IsRestricted);

public static class OfferingUserStates
{
    public const string Ok = "OK";

    public static readonly IReadOnlyList<string> All =
    [
        "Requested", "Creating", "Pending account linking", "Pending additional validation", Ok,
        "Requested deletion", "Deleting", "Deleted", "Error creating", "Error deleting",
    ];

    /// <summary>Waldur's integer code of a state (its <c>OfferingUserStates</c>): 1 Requested … 10 Error deleting.</summary>
    public static int CodeOf(string label)
    {
        for (var index = 0; index < All.Count; index++)
            if (All[index] == label) return index + 1;
        throw new ArgumentOutOfRangeException(nameof(label), label, "Not an offering user state.");
    }
}

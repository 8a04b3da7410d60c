namespace ComplianceGrains.Compliance;

/// <summary>One row of compliance_overview/ (API.md §5).</summary>
[GenerateSerializer, Immutable]
public sealed record OfferingComplianceOverview(
    [property: Id(0)] Guid OfferingId,
    [property: Id(1)] string OfferingName,
    [property: Id(2)] string? ChecklistName,
    [property: Id(3)] int TotalUsers,
    [property: Id(4)] int UsersWithCompletions,
    [property: Id(5)] int CompletedUsers,
    [property: Id(6)] int OverdueUsers = 0,
    [property: Id(7)] int ExpiringUsers = 0)
{
    public int PendingUsers => UsersWithCompletions - CompletedUsers;

    public double ComplianceRate => TotalUsers == 0 ? 0.0 : Math.Round(CompletedUsers * 100.0 / TotalUsers, 2);
}

/// <summary>What a provider's dashboard shows, read in one call of its grain.</summary>
[GenerateSerializer, Immutable]
public sealed record ProviderDashboard(
    [property: Id(0)] Marketplace.ServiceProviderView Provider,
    [property: Id(1)] IReadOnlyList<OfferingComplianceOverview> Offerings,
    [property: Id(2)] IReadOnlyList<ChecklistUsage> Checklists);

/// <summary>One row of checklists_summary/.</summary>
[GenerateSerializer, Immutable]
public sealed record ChecklistUsage(
    [property: Id(0)] Guid ChecklistId,
    [property: Id(1)] string ChecklistName,
    [property: Id(2)] int QuestionsCount,
    [property: Id(3)] int OfferingsCount);

public static class ComplianceStatuses
{
    public const string Completed = "completed";
    public const string Pending = "pending";
    public const string NoChecklist = "no_checklist";

    public static readonly IReadOnlyList<string> All = [Completed, Pending, NoChecklist];
}

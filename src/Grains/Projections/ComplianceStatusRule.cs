using ComplianceGrains.Compliance;

namespace ComplianceGrains.Projections;

/// <summary>compliance_status of a provider's offering-user row (API.md §5).</summary>
public static class ComplianceStatusRule
{
    public static string Of(OfferingUserSnapshot row) =>
        !row.OfferingUser.HasComplianceChecklist ? ComplianceStatuses.NoChecklist
        : row.Completion is { IsCompleted: true } ? ComplianceStatuses.Completed
        : ComplianceStatuses.Pending;
}

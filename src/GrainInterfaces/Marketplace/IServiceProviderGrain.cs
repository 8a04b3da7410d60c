using ComplianceGrains.Compliance;

namespace ComplianceGrains.Marketplace;

/// <summary>
/// A service provider: its customer, its offerings, and per-offering compliance counters fed by the
/// offering users' snapshots (so the overview costs O(offerings), not O(users)).
/// </summary>
public interface IServiceProviderGrain : IGrainWithGuidKey
{
    Task<ServiceProviderView> CreateAsync(Caller caller, Guid customerId, string description);

    Task<ServiceProviderView> GetAsync(Caller caller);

    Task AddOfferingAsync(Guid offeringId);

    /// <summary>Applies offering users' counts; a count older than the one held is ignored.</summary>
    [AlwaysInterleave]
    Task ApplyCountsAsync(IReadOnlyList<ComplianceCount> counts);

    /// <summary>Fails unless the caller may monitor the provider (staff, support, SERVICE_PROVIDER.LIST_CUSTOMERS).</summary>
    Task EnsureCanMonitorAsync(Caller caller);

    /// <summary>One row per offering, ordered by name.</summary>
    Task<IReadOnlyList<OfferingComplianceOverview>> GetComplianceOverviewAsync(Caller caller);

    /// <summary>The checklists the provider's offerings use, most used first, then by name.</summary>
    Task<IReadOnlyList<ChecklistUsage>> GetChecklistsSummaryAsync(Caller caller);

    /// <summary>The provider, its overview and its checklists summary in one call (the dashboard page).</summary>
    Task<ProviderDashboard> GetDashboardAsync(Caller caller);
}

using ComplianceGrains.Marketplace;
using ComplianceGrains.Projections;

namespace ComplianceGrains.Compliance;

/// <summary>Delivers an offering user's snapshot to its two consumers: the query projection and the provider's counters.</summary>
public sealed class SnapshotPublisher(IComplianceProjection projection, IGrainFactory grains)
{
    public async Task PublishAsync(OfferingUserSnapshot snapshot)
    {
        await projection.UpsertAsync(snapshot);
        await grains.GetGrain<IServiceProviderGrain>(snapshot.OfferingUser.ServiceProviderId)
            .ApplyCountsAsync([ComplianceCount.From(snapshot)]);
    }
}

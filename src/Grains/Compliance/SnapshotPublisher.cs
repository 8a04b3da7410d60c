using ComplianceGrains.Marketplace;
using ComplianceGrains.Projections;

namespace ComplianceGrains.Compliance;

/// <summary>Delivers an offering user's snapshot to its two consumers: the query projection and the provider's counters.</summary>
public sealed class SnapshotPublisher(IComplianceProjection projection, IGrainFactory grains)
{
    /// <summary>
    /// Upserts the projection row and, when the snapshot's counts differ from <paramref name="delivered"/> (the
    /// counts the provider last acknowledged for this offering user), the provider's counters, both at once. Most
    /// submissions change no count, so the provider's single activation does not see every submission of its
    /// offerings. Returns the counts the provider now holds. When <paramref name="projected"/>, the row was committed
    /// with the state and only the counters are left.
    /// </summary>
    public async Task<ComplianceCount> PublishAsync(OfferingUserSnapshot snapshot, ComplianceCount? delivered, bool projected = false)
    {
        var count = ComplianceCount.From(snapshot);
        var upsert = projected ? Task.CompletedTask : projection.UpsertAsync(snapshot);
        if (delivered is not null && count.SameCountsAs(delivered))
        {
            await upsert;
            return delivered;
        }
        await Task.WhenAll(
            upsert,
            grains.GetGrain<IServiceProviderGrain>(snapshot.OfferingUser.ServiceProviderId).ApplyCountsAsync([count]));
        return count;
    }
}

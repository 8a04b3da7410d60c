using ComplianceGrains.Identity;
using ComplianceGrains.Projections;
using Orleans.Concurrency;

namespace ComplianceGrains.Marketplace;

[StatelessWorker]
public sealed class OfferingUserQueryGrain(IOfferingUserProjection projection) : Grain, IOfferingUserQueryGrain
{
    public async Task<Page<OfferingUserView>> ListAsync(Caller caller, OfferingUserFilter filter, PageRequest page)
    {
        var visibility = await VisibilityAsync(caller);
        return await projection.QueryAsync(visibility, filter, page);
    }

    private async Task<OfferingUserVisibility> VisibilityAsync(Caller caller)
    {
        if (caller.CanReadEverything) return new OfferingUserVisibility(true, caller.UserId, new HashSet<Guid>());
        var user = await GrainFactory.GetGrain<IUserGrain>(caller.UserId).GetAsync(caller);
        return new OfferingUserVisibility(false, caller.UserId, user.CustomerRoles.Keys.ToHashSet());
    }
}

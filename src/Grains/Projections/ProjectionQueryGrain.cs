using ComplianceGrains.Compliance;
using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;

namespace ComplianceGrains.Projections;

[StatelessWorker]
public sealed class ProjectionQueryGrain(IComplianceProjection projection, IComplianceEventStore events) : Grain, IProjectionQueryGrain
{
    public async Task<Page<ComplianceEvent>> ListEventsAsync(
        Caller caller, Guid serviceProviderId, ComplianceEventFilter filter, PageRequest page)
    {
        await GrainFactory.GetGrain<IServiceProviderGrain>(serviceProviderId).EnsureCanMonitorAsync(caller);
        return await events.ListAsync(serviceProviderId, filter, page);
    }

    public async Task<Page<OfferingUserSnapshot>> ListOfferingUsersAsync(Caller caller, OfferingUserFilter filter, PageRequest page) =>
        await projection.ListOfferingUsersAsync(await VisibilityAsync(caller), filter, page);

    public async Task<Page<OfferingUserSnapshot>> ListProviderOfferingUsersAsync(
        Caller caller, Guid serviceProviderId, ProviderOfferingUserFilter filter, PageRequest page)
    {
        await GrainFactory.GetGrain<IServiceProviderGrain>(serviceProviderId).EnsureCanMonitorAsync(caller);
        return await projection.ListProviderOfferingUsersAsync(serviceProviderId, filter, page);
    }

    public async Task<Page<OfferingUserSnapshot>> ListCompletionsAsync(Caller caller, CompletionFilter filter, PageRequest page) =>
        await projection.ListCompletionsAsync(await VisibilityAsync(caller), filter, page);

    public async Task<OfferingUserSnapshot> GetCompletionAsync(Caller caller, Guid completionId)
    {
        var row = await projection.FindByCompletionAsync(completionId);
        if (row is null || !(await VisibilityAsync(caller)).Allows(row)) throw new NotFoundException();
        return row;
    }

    private async Task<OfferingUserVisibility> VisibilityAsync(Caller caller)
    {
        if (caller.CanReadEverything) return new OfferingUserVisibility(true, caller.UserId, new HashSet<Guid>());
        var user = await GrainFactory.GetGrain<IUserGrain>(caller.UserId).GetAsync(caller);
        return new OfferingUserVisibility(false, caller.UserId, user.CustomerRoles.Keys.ToHashSet());
    }
}

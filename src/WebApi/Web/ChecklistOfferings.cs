using ComplianceGrains.Checklists;
using ComplianceGrains.Marketplace;

namespace ComplianceGrains.WebApi.Web;

/// <summary>The offerings that use a checklist, by name, as the builder lists them.</summary>
public static class ChecklistOfferings
{
    public static async Task<IReadOnlyList<OfferingName>> NamesAsync(IGrainFactory grains, Caller caller, IChecklistGrain checklist)
    {
        var ids = await checklist.GetOfferingIdsAsync(caller);
        var offerings = await Task.WhenAll(ids.Select(id => grains.GetGrain<IOfferingGrain>(id).GetAsync(caller)));
        return offerings.Select(o => new OfferingName(o.Id, o.Name)).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
    }
}

public sealed record OfferingName(Guid Id, string Name);

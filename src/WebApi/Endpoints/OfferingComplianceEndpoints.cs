using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>Attaching a checklist to an offering and following the background job (API.md §3).</summary>
public static class OfferingComplianceEndpoints
{
    public static void MapOfferingComplianceEndpoints(this RouteGroupBuilder offerings)
    {
        offerings.MapPost("/{uuid}/update_compliance_checklist", UpdateAsync)
            .Accepts<UpdateComplianceChecklistRequest>("application/json")
            .Produces<UpdateComplianceChecklistResponse>();
        offerings.MapGet("/{uuid}/compliance_sync", SyncStatusAsync).Produces<ComplianceSyncResponse>();
        offerings.MapGet("/{uuid}/compliance_policy", PolicyAsync).Produces<CompliancePolicyResponse>();
        offerings.MapPut("/{uuid}/compliance_policy", SetPolicyAsync)
            .Accepts<CompliancePolicyResponse>("application/json")
            .Produces<CompliancePolicyResponse>();
    }

    private static async Task<IResult> PolicyAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var policy = await grains.GetGrain<IOfferingGrain>(RouteIds.Parse(uuid)).GetCompliancePolicyAsync(context.Caller());
        return Results.Json(CompliancePolicyResponse.From(policy), ApiJson.Options);
    }

    /// <summary>Replaces the policy; a field left out takes its default (API.md §10).</summary>
    private static async Task<IResult> SetPolicyAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var offering = grains.GetGrain<IOfferingGrain>(RouteIds.Parse(uuid));
        var caller = context.Caller();
        await EnsureCanUpdateOptionsAsync(offering, caller, grains);
        var body = await JsonBody.ReadObjectAsync(context);
        var policy = new Compliance.CompliancePolicy(
            body.Int("due_days", allowNull: true, min: 0),
            body.Int("reattest_days", allowNull: true, min: 1),
            body.IntList("reminder_days_before_due", min: 0) ?? [],
            body.Int("reminder_every_days_overdue", allowNull: true, min: 1),
            body.Int("max_reminders", allowNull: true, min: 0),
            body.Bool("restrict_until_compliant") ?? false);
        body.ThrowIfInvalid();
        var stored = await offering.SetCompliancePolicyAsync(caller, policy);
        return Results.Json(CompliancePolicyResponse.From(stored), ApiJson.Options);
    }

    private static async Task<IResult> UpdateAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var offering = grains.GetGrain<IOfferingGrain>(RouteIds.Parse(uuid));
        var caller = context.Caller();
        var current = await EnsureCanUpdateOptionsAsync(offering, caller, grains);
        var body = await JsonBody.ReadObjectAsync(context);
        if (!body.Has("compliance_checklist"))
            return Respond("No changes.", current.ChecklistId, await offering.GetComplianceSyncAsync(caller));
        var checklistId = body.Reference("compliance_checklist", allowNull: true);
        body.ThrowIfInvalid();
        var sync = await offering.UpdateComplianceChecklistAsync(caller, checklistId);
        var detail = checklistId is null ? "Compliance checklist removed from the offering." : "Compliance checklist updated.";
        return Respond(detail, checklistId, sync);
    }

    /// <summary>As in DRF, the object (404) and the permission (403) are checked before the body.</summary>
    private static async Task<OfferingView> EnsureCanUpdateOptionsAsync(IOfferingGrain offering, Caller caller, IGrainFactory grains)
    {
        var current = await offering.GetAsync(caller);
        if (!await grains.GetGrain<ICustomerGrain>(current.CustomerId).HasPermissionAsync(caller, Permission.OfferingUpdateOptions))
            throw new PermissionDeniedException();
        return current;
    }

    private static IResult Respond(string detail, Guid? checklistId, Compliance.ComplianceSyncStatus sync) =>
        Results.Json(new UpdateComplianceChecklistResponse(detail, checklistId, ComplianceSyncResponse.From(sync)), ApiJson.Options);

    private static async Task<IResult> SyncStatusAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var status = await grains.GetGrain<IOfferingGrain>(RouteIds.Parse(uuid)).GetComplianceSyncAsync(context.Caller());
        return Results.Json(ComplianceSyncResponse.From(status), ApiJson.Options);
    }
}

using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>The provider's review of an offering user's answers (API.md §4 Review).</summary>
public static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReviewEndpoints(this RouteGroupBuilder users)
    {
        users.MapGet("/{uuid}/checklist_review", ChecklistReviewAsync).Produces<ChecklistReviewResponse>();
        users.MapGet("/{uuid}/completion_review_status", CompletionReviewStatusAsync).Produces<CompletionReviewResponse>();
        users.MapPost("/{uuid}/review", ReviewAsync).Accepts<ReviewRequest>("application/json").Produces<CompletionReviewResponse>();
        return users;
    }

    private static IOfferingUserGrain Grain(IGrainFactory grains, string uuid) => grains.GetGrain<IOfferingUserGrain>(RouteIds.Parse(uuid));

    private static async Task<IResult> ChecklistReviewAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var includeHidden = QueryFilters.Bool(context.Request, "include_all") ?? false;
        var view = await Grain(grains, uuid).GetChecklistForReviewAsync(context.Caller());
        return Results.Json(ReviewMapper.Checklist(view, includeHidden), ApiJson.Options);
    }

    private static async Task<IResult> CompletionReviewStatusAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var view = await Grain(grains, uuid).GetChecklistForReviewAsync(context.Caller());
        return Results.Json(ReviewMapper.Completion(view), ApiJson.Options);
    }

    private static async Task<IResult> ReviewAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var grain = Grain(grains, uuid);
        var body = await JsonBody.ReadObjectAsync(context);
        var notes = body.String("review_notes", maxLength: 4096, allowNull: true) ?? "";
        body.ThrowIfInvalid();
        var view = await grain.ReviewAsync(context.Caller(), notes);
        return Results.Json(ReviewMapper.Completion(view), ApiJson.Options);
    }
}

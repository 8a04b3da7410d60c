using ComplianceGrains.Errors;
using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>An offering user's checklist: read it, see its status, submit answers, read the history (API.md §4).</summary>
public static class OfferingUserComplianceEndpoints
{
    public static void MapOfferingUserComplianceEndpoints(this RouteGroupBuilder users)
    {
        users.MapGet("/checklist-template", ChecklistTemplateAsync).Produces<ChecklistTemplateResponse>();
        users.MapGet("/{uuid}/checklist", ChecklistAsync).Produces<UserChecklistResponse>();
        users.MapGet("/{uuid}/completion_status", CompletionStatusAsync).Produces<CompletionStatusResponse>();
        users.MapPost("/{uuid}/submit_answers", SubmitAnswersAsync)
            .Accepts<AnswerItemRequest[]>("application/json")
            .Produces<SubmitAnswersResponse>();
        users.MapPost("/{uuid}/attest", AttestAsync).Produces<CompletionStatusResponse>();
        users.MapList("/{uuid}/history", HistoryAsync).Produces<HistoryEntryResponse[]>();
        users.MapGet("/{uuid}/files/{fileId}", DownloadFileAsync).Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
    }

    private static IOfferingUserGrain Grain(IGrainFactory grains, string uuid) => grains.GetGrain<IOfferingUserGrain>(RouteIds.Parse(uuid));

    /// <summary>What a future offering user of the offering named by <c>parent_uuid</c> answers.</summary>
    private static async Task<IResult> ChecklistTemplateAsync(HttpContext context, IGrainFactory grains)
    {
        var offeringId = QueryFilters.Uuid(context.Request, "parent_uuid")
            ?? throw ValidationException.Field("parent_uuid", "This field is required.");
        var checklist = await grains.GetGrain<IOfferingGrain>(offeringId).GetChecklistTemplateAsync(context.Caller());
        return Results.Json(UserChecklistMapper.Template(checklist), ApiJson.Options);
    }

    private static async Task<IResult> ChecklistAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var includeHidden = QueryFilters.Bool(context.Request, "include_all") ?? false;
        var view = await Grain(grains, uuid).GetChecklistAsync(context.Caller());
        return Results.Json(UserChecklistMapper.Map(view, includeHidden), ApiJson.Options);
    }

    private static async Task<IResult> CompletionStatusAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var status = await Grain(grains, uuid).GetCompletionStatusAsync(context.Caller());
        return Results.Json(CompletionStatusResponse.From(status), ApiJson.Options);
    }

    private static async Task<IResult> AttestAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var status = await Grain(grains, uuid).AttestAsync(context.Caller());
        return Results.Json(CompletionStatusResponse.From(status), ApiJson.Options);
    }

    private static async Task<IResult> SubmitAnswersAsync(string uuid, HttpContext context, IGrainFactory grains, ApiLimits limits)
    {
        var grain = Grain(grains, uuid);
        var items = SubmissionParser.Parse(await JsonBody.ReadAsync(context, limits.MaxAnswerBodyBytes));
        var result = await grain.SubmitAnswersAsync(context.Caller(), items);
        if (result.Errors is { } errors) return Results.Json(errors, ApiJson.Options, statusCode: StatusCodes.Status400BadRequest);
        return Results.Json(
            new SubmitAnswersResponse("Answers submitted successfully", CompletionStatusResponse.From(result.Completion!)),
            ApiJson.Options);
    }

    internal static async Task<IResult> DownloadFileAsync(string uuid, string fileId, HttpContext context, IGrainFactory grains)
    {
        var file = await Grain(grains, uuid).GetFileAsync(context.Caller(), fileId);
        return Results.File(file.Content, file.MimeType, file.Name);
    }

    private static async Task<IResult> HistoryAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var page = await Grain(grains, uuid).GetHistoryAsync(context.Caller(), Pagination.ParseRequest(context.Request));
        return Pagination.Respond(context, page.Items.Select(HistoryEntryResponse.From).ToList(), page.TotalCount);
    }
}

using ComplianceGrains.Catalog;
using ComplianceGrains.Checklists;
using ComplianceGrains.Errors;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>Checklist administration (API.md §2): checklists, questions and options. Staff only.</summary>
public static class ChecklistEndpoints
{
    public static void MapChecklistEndpoints(this IEndpointRouteBuilder app)
    {
        var checklists = StaffGroup(app, "/api/checklists-admin", "Checklist administration");
        checklists.MapPost("/", CreateChecklistAsync).Accepts<ChecklistRequest>("application/json").Produces<ChecklistResponse>(StatusCodes.Status201Created);
        checklists.MapList("/", ListChecklistsAsync).Produces<ChecklistResponse[]>();
        checklists.MapGet("/{uuid}", GetChecklistAsync).Produces<ChecklistResponse>();
        checklists.MapPut("/{uuid}", (string uuid, HttpContext c, IGrainFactory g) => UpdateChecklistAsync(uuid, c, g, partial: false))
            .Accepts<ChecklistRequest>("application/json").Produces<ChecklistResponse>();
        checklists.MapPatch("/{uuid}", (string uuid, HttpContext c, IGrainFactory g) => UpdateChecklistAsync(uuid, c, g, partial: true))
            .Accepts<ChecklistRequest>("application/json").Produces<ChecklistResponse>();
        checklists.MapDelete("/{uuid}", DeleteChecklistAsync).Produces(StatusCodes.Status204NoContent);
        checklists.MapGet("/{uuid}/questions", ChecklistQuestionsAsync).Produces<QuestionResponse[]>();

        MapQuestions(StaffGroup(app, "/api/checklists-admin-questions", "Checklist administration"));
        MapQuestions(StaffGroup(app, "/api/checklists-admin/questions", "Checklist administration"));

        var options = StaffGroup(app, "/api/checklists-admin-question-options", "Checklist administration");
        options.MapPost("/", CreateOptionAsync).Accepts<OptionRequest>("application/json").Produces<OptionResponse>(StatusCodes.Status201Created);
        options.MapList("/", ListOptionsAsync).Produces<OptionResponse[]>();
        options.MapGet("/{uuid}", GetOptionAsync).Produces<OptionResponse>();
        options.MapPut("/{uuid}", (string uuid, HttpContext c, IGrainFactory g) => UpdateOptionAsync(uuid, c, g, partial: false))
            .Accepts<OptionRequest>("application/json").Produces<OptionResponse>();
        options.MapPatch("/{uuid}", (string uuid, HttpContext c, IGrainFactory g) => UpdateOptionAsync(uuid, c, g, partial: true))
            .Accepts<OptionRequest>("application/json").Produces<OptionResponse>();
        options.MapDelete("/{uuid}", DeleteOptionAsync).Produces(StatusCodes.Status204NoContent);
    }

    private static void MapQuestions(RouteGroupBuilder questions)
    {
        questions.MapPost("/", CreateQuestionAsync).Accepts<QuestionRequest>("application/json").Produces<QuestionResponse>(StatusCodes.Status201Created);
        questions.MapList("/", ListQuestionsAsync).Produces<QuestionResponse[]>();
        questions.MapGet("/{uuid}", GetQuestionAsync).Produces<QuestionResponse>();
        questions.MapPut("/{uuid}", (string uuid, HttpContext c, IGrainFactory g) => UpdateQuestionAsync(uuid, c, g, partial: false))
            .Accepts<QuestionRequest>("application/json").Produces<QuestionResponse>();
        questions.MapPatch("/{uuid}", (string uuid, HttpContext c, IGrainFactory g) => UpdateQuestionAsync(uuid, c, g, partial: true))
            .Accepts<QuestionRequest>("application/json").Produces<QuestionResponse>();
        questions.MapDelete("/{uuid}", DeleteQuestionAsync).Produces(StatusCodes.Status204NoContent);
    }

    internal static RouteGroupBuilder StaffGroup(IEndpointRouteBuilder app, string prefix, string tag)
    {
        var group = app.MapGroup(prefix).WithTags(tag).RequireAuthorization();
        group.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Caller().IsStaff ? await next(context) : throw new PermissionDeniedException());
        return group;
    }

    // Checklists

    /// <summary>PUT requires the required fields and keeps the optional ones it does not mention; PATCH requires nothing.</summary>
    private static async Task<ChecklistFields> ReadChecklistFieldsAsync(HttpContext context, ChecklistFields? current, bool partial = false)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var fields = ChecklistFieldsReader.Read(body, current, partial);
        body.ThrowIfInvalid();
        return fields;
    }

    private static async Task<IResult> CreateChecklistAsync(HttpContext context, IGrainFactory grains)
    {
        var fields = await ReadChecklistFieldsAsync(context, current: null);
        var checklist = await grains.GetGrain<IChecklistGrain>(Guid.NewGuid()).CreateAsync(context.Caller(), fields);
        return Results.Json(ChecklistResponse.From(context.Request, checklist), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListChecklistsAsync(HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var type = QueryFilters.Choice(context.Request, "checklist_type", ChecklistTypes.All);
        var checklists = await AllChecklistsAsync(grains, caller);
        var rows = checklists
            .Where(c => type is null || c.ChecklistType == type)
            .Select(c => ChecklistResponse.From(context.Request, c))
            .ToList();
        return Pagination.RespondWith(context, rows);
    }

    private static async Task<ChecklistView[]> AllChecklistsAsync(IGrainFactory grains, Caller caller)
    {
        var ids = await grains.GetGrain<ICatalogGrain>(CatalogNames.Checklists).ListAsync();
        return await Task.WhenAll(ids.Select(id => grains.GetGrain<IChecklistGrain>(id).GetAsync(caller)));
    }

    private static async Task<IResult> GetChecklistAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var checklist = await grains.GetGrain<IChecklistGrain>(RouteIds.Parse(uuid)).GetAsync(context.Caller());
        return Results.Json(ChecklistResponse.From(context.Request, checklist), ApiJson.Options);
    }

    private static async Task<IResult> UpdateChecklistAsync(string uuid, HttpContext context, IGrainFactory grains, bool partial)
    {
        var grain = grains.GetGrain<IChecklistGrain>(RouteIds.Parse(uuid));
        var current = await grain.GetAsync(context.Caller());
        var fields = await ReadChecklistFieldsAsync(
            context, new ChecklistFields(current.Name, current.Description, current.ChecklistType), partial);
        var checklist = await grain.UpdateAsync(context.Caller(), fields);
        return Results.Json(ChecklistResponse.From(context.Request, checklist), ApiJson.Options);
    }

    private static async Task<IResult> DeleteChecklistAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        await grains.GetGrain<IChecklistGrain>(RouteIds.Parse(uuid)).DeleteAsync(context.Caller());
        return Results.NoContent();
    }

    private static async Task<IResult> ChecklistQuestionsAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var questions = await grains.GetGrain<IChecklistGrain>(RouteIds.Parse(uuid)).GetQuestionsAsync(context.Caller());
        return Results.Json(questions.Select(q => QuestionResponse.From(context.Request, q)).ToList(), ApiJson.Options);
    }

    // Questions

    private static async Task<IResult> CreateQuestionAsync(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var checklistId = body.Reference("checklist", required: true);
        var definition = QuestionFieldsReader.Overlay(body, new QuestionDefinition(), descriptionRequired: true);
        body.ThrowIfInvalid();
        var checklist = grains.GetGrain<IChecklistGrain>(checklistId!.Value);
        if (await checklist.FindAsync() is null)
            throw ValidationException.Field("checklist", $"Object with uuid={checklistId:N} does not exist.");
        var question = await checklist.AddQuestionAsync(context.Caller(), Guid.NewGuid(), definition);
        return Results.Json(QuestionResponse.From(context.Request, question), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListQuestionsAsync(HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var checklistId = QueryFilters.Uuid(context.Request, "checklist_uuid");
        IEnumerable<Guid> checklistIds = checklistId is { } only
            ? [only]
            : await grains.GetGrain<ICatalogGrain>(CatalogNames.Checklists).ListAsync();
        var perChecklist = await Task.WhenAll(checklistIds.Select(async id =>
            await grains.GetGrain<IChecklistGrain>(id).FindAsync() is null
                ? []
                : await grains.GetGrain<IChecklistGrain>(id).GetQuestionsAsync(caller)));
        var rows = perChecklist.SelectMany(q => q).Select(q => QuestionResponse.From(context.Request, q)).ToList();
        return Pagination.RespondWith(context, rows);
    }

    private static async Task<(IChecklistGrain Checklist, Guid ItemId)> LocateAsync(string uuid, IGrainFactory grains)
    {
        var itemId = RouteIds.Parse(uuid);
        var checklistId = await grains.GetGrain<IChecklistItemLocatorGrain>(itemId).GetChecklistIdAsync()
            ?? throw new NotFoundException();
        return (grains.GetGrain<IChecklistGrain>(checklistId), itemId);
    }

    private static async Task<IResult> GetQuestionAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var (checklist, questionId) = await LocateAsync(uuid, grains);
        var question = await checklist.GetQuestionAsync(context.Caller(), questionId);
        return Results.Json(QuestionResponse.From(context.Request, question), ApiJson.Options);
    }

    private static async Task<IResult> UpdateQuestionAsync(string uuid, HttpContext context, IGrainFactory grains, bool partial)
    {
        var caller = context.Caller();
        var (checklist, questionId) = await LocateAsync(uuid, grains);
        var current = await checklist.GetQuestionAsync(caller, questionId);
        var body = await JsonBody.ReadObjectAsync(context);
        var checklistId = body.Reference("checklist", required: !partial);
        if (checklistId is { } requested && requested != current.ChecklistId)
            body.AddError("checklist", "A question cannot be moved to another checklist.");
        var definition = QuestionFieldsReader.Overlay(
            body, current.Definition, descriptionRequired: !partial);
        body.ThrowIfInvalid();
        var question = await checklist.UpdateQuestionAsync(caller, questionId, definition);
        return Results.Json(QuestionResponse.From(context.Request, question), ApiJson.Options);
    }

    private static async Task<IResult> DeleteQuestionAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var (checklist, questionId) = await LocateAsync(uuid, grains);
        await checklist.DeleteQuestionAsync(context.Caller(), questionId);
        return Results.NoContent();
    }

    // Options

    private static async Task<IResult> CreateOptionAsync(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var questionId = body.Reference("question", required: true);
        var label = ChecklistFieldsReader.OptionLabel(body, required: true);
        var order = body.Int("order", min: 0) ?? 0;
        body.ThrowIfInvalid();
        var checklistId = await grains.GetGrain<IChecklistItemLocatorGrain>(questionId!.Value).GetChecklistIdAsync()
            ?? throw ValidationException.Field("question", $"Object with uuid={questionId:N} does not exist.");
        var option = await grains.GetGrain<IChecklistGrain>(checklistId)
            .AddOptionAsync(context.Caller(), Guid.NewGuid(), questionId.Value, label!, order);
        return Results.Json(OptionResponse.From(context.Request, option), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListOptionsAsync(HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var questionId = QueryFilters.Uuid(context.Request, "question_uuid");
        var checklists = await AllChecklistsAsync(grains, caller);
        var questions = await Task.WhenAll(checklists.Select(c => grains.GetGrain<IChecklistGrain>(c.Id).GetQuestionsAsync(caller)));
        var rows = questions.SelectMany(q => q)
            .Where(q => questionId is null || q.Id == questionId)
            .SelectMany(q => q.Options)
            .Select(o => OptionResponse.From(context.Request, o))
            .ToList();
        return Pagination.RespondWith(context, rows);
    }

    private static async Task<IResult> GetOptionAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var (checklist, optionId) = await LocateAsync(uuid, grains);
        var option = await checklist.GetOptionAsync(context.Caller(), optionId);
        return Results.Json(OptionResponse.From(context.Request, option), ApiJson.Options);
    }

    private static async Task<IResult> UpdateOptionAsync(string uuid, HttpContext context, IGrainFactory grains, bool partial)
    {
        var caller = context.Caller();
        var (checklist, optionId) = await LocateAsync(uuid, grains);
        var current = await checklist.GetOptionAsync(caller, optionId);
        var body = await JsonBody.ReadObjectAsync(context);
        var questionId = body.Reference("question", required: !partial);
        if (questionId is { } requested && requested != current.QuestionId)
            body.AddError("question", "An option cannot be moved to another question.");
        var label = ChecklistFieldsReader.OptionLabel(body, required: !partial) ?? current.Label;
        var order = body.Int("order", min: 0) ?? current.Order;
        body.ThrowIfInvalid();
        var option = await checklist.UpdateOptionAsync(caller, optionId, label, order);
        return Results.Json(OptionResponse.From(context.Request, option), ApiJson.Options);
    }

    private static async Task<IResult> DeleteOptionAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var (checklist, optionId) = await LocateAsync(uuid, grains);
        await checklist.DeleteOptionAsync(context.Caller(), optionId);
        return Results.NoContent();
    }
}

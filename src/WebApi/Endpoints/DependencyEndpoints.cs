using ComplianceGrains.Catalog;
using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;
using ComplianceGrains.Errors;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>Conditional questions: <c>/api/checklists-admin-question-dependencies/</c> (API.md §2). Staff only.</summary>
public static class DependencyEndpoints
{
    public static void MapDependencyEndpoints(this IEndpointRouteBuilder app)
    {
        var dependencies = ChecklistEndpoints.StaffGroup(app, "/api/checklists-admin-question-dependencies", "Checklist administration");
        dependencies.MapPost("/", CreateAsync).Accepts<DependencyRequest>("application/json").Produces<DependencyResponse>(StatusCodes.Status201Created);
        dependencies.MapList("/", ListAsync).Produces<DependencyResponse[]>();
        dependencies.MapGet("/{uuid}", GetAsync).Produces<DependencyResponse>();
        dependencies.MapPut("/{uuid}", (string uuid, HttpContext c, IGrainFactory g) => UpdateAsync(uuid, c, g, partial: false))
            .Accepts<DependencyRequest>("application/json").Produces<DependencyResponse>();
        dependencies.MapPatch("/{uuid}", (string uuid, HttpContext c, IGrainFactory g) => UpdateAsync(uuid, c, g, partial: true))
            .Accepts<DependencyRequest>("application/json").Produces<DependencyResponse>();
        dependencies.MapDelete("/{uuid}", DeleteAsync).Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadObjectAsync(context);
        var dependency = Read(body, Guid.NewGuid(), current: null);
        var checklistId = await grains.GetGrain<IChecklistItemLocatorGrain>(dependency.QuestionId).GetChecklistIdAsync()
            ?? throw ValidationException.Field("question", $"Object with uuid={dependency.QuestionId:N} does not exist.");
        var checklist = grains.GetGrain<IChecklistGrain>(checklistId);
        var created = await checklist.AddDependencyAsync(context.Caller(), dependency);
        return Results.Json(await RespondAsync(context, checklist, created), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>A dependency from a request body; with <paramref name="current"/>, a partial update of it.</summary>
    public static DependencyView Read(FieldReader body, Guid id, DependencyView? current)
    {
        var partial = current is not null;
        var questionId = body.Reference("question", required: !partial) ?? current?.QuestionId;
        var dependsOnId = body.Reference("depends_on_question", required: !partial) ?? current?.DependsOnQuestionId;
        if (!body.Has("required_answer_value") && !partial) body.AddError("required_answer_value", "This field is required.");
        var requiredValue = body.RawJson("required_answer_value") ?? current?.RequiredAnswerValueJson ?? "null";
        var op = body.Choice("operator", Operators.All) ?? current?.Operator ?? Operators.EqualsOp;
        if (current is not null && questionId != current.QuestionId)
            body.AddError("question", "A dependency cannot be moved to another question.");
        body.ThrowIfInvalid();
        return new DependencyView(id, questionId!.Value, dependsOnId!.Value, requiredValue, op);
    }

    private static async Task<DependencyResponse> RespondAsync(HttpContext context, IChecklistGrain checklist, DependencyView dependency)
    {
        var questions = await checklist.GetQuestionsAsync(context.Caller());
        return DependencyResponse.From(context.Request, dependency, questions.ToDictionary(q => q.Id));
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var questionId = QueryFilters.Uuid(context.Request, "question_uuid");
        var ids = await grains.GetGrain<ICatalogGrain>(CatalogNames.Checklists).ListAsync();
        var perChecklist = await Task.WhenAll(ids.Select(async id =>
        {
            var checklist = grains.GetGrain<IChecklistGrain>(id);
            var questions = (await checklist.GetQuestionsAsync(caller)).ToDictionary(q => q.Id);
            return (await checklist.GetDependenciesAsync(caller))
                .Where(d => questionId is null || d.QuestionId == questionId)
                .Select(d => DependencyResponse.From(context.Request, d, questions));
        }));
        return Pagination.RespondWith(context, perChecklist.SelectMany(rows => rows).ToList());
    }

    private static async Task<(IChecklistGrain Checklist, Guid Id)> LocateAsync(string uuid, IGrainFactory grains)
    {
        var id = RouteIds.Parse(uuid);
        var checklistId = await grains.GetGrain<IChecklistItemLocatorGrain>(id).GetChecklistIdAsync() ?? throw new NotFoundException();
        return (grains.GetGrain<IChecklistGrain>(checklistId), id);
    }

    private static async Task<IResult> GetAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var (checklist, id) = await LocateAsync(uuid, grains);
        var dependency = await checklist.GetDependencyAsync(context.Caller(), id);
        return Results.Json(await RespondAsync(context, checklist, dependency), ApiJson.Options);
    }

    private static async Task<IResult> UpdateAsync(string uuid, HttpContext context, IGrainFactory grains, bool partial)
    {
        var (checklist, id) = await LocateAsync(uuid, grains);
        var current = await checklist.GetDependencyAsync(context.Caller(), id);
        var body = await JsonBody.ReadObjectAsync(context);
        var changed = Read(body, id, partial ? current : null);
        if (!partial && changed.QuestionId != current.QuestionId)
            throw ValidationException.Field("question", "A dependency cannot be moved to another question.");
        var updated = await checklist.UpdateDependencyAsync(context.Caller(), changed);
        return Results.Json(await RespondAsync(context, checklist, updated), ApiJson.Options);
    }

    private static async Task<IResult> DeleteAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var (checklist, id) = await LocateAsync(uuid, grains);
        await checklist.DeleteDependencyAsync(context.Caller(), id);
        return Results.NoContent();
    }
}

using ComplianceGrains.Compliance;
using ComplianceGrains.Errors;
using ComplianceGrains.Projections;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>All completions the caller may see (API.md §6). Read-only.</summary>
public static class CompletionsEndpoints
{
    public static void MapCompletionsEndpoints(this IEndpointRouteBuilder app)
    {
        var completions = app.MapGroup("/api/marketplace-offering-user-checklist-completions")
            .WithTags("Checklist completions")
            .RequireAuthorization();
        completions.MapList("/", ListAsync).Produces<CompletionResponse[]>();
        completions.MapGet("/{uuid}", GetAsync).Produces<CompletionResponse>();
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains)
    {
        var request = context.Request;
        var filter = new CompletionFilter(
            QueryFilters.Uuid(request, "user_uuid"),
            QueryFilters.Uuid(request, "offering_uuid"),
            QueryFilters.Bool(request, "is_completed"),
            Ordering(request),
            QueryFilters.Bool(request, "is_overdue"));
        var page = await grains.GetGrain<IProjectionQueryGrain>(0)
            .ListCompletionsAsync(context.Caller(), filter, Pagination.ParseRequest(request));
        return Pagination.Respond(context, page.Items.Select(CompletionResponse.From).ToList(), page.TotalCount);
    }

    private static IReadOnlyList<string> Ordering(HttpRequest request)
    {
        var keys = (QueryFilters.Text(request, "o") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var key in keys)
            if (!CompletionOrdering.Fields.Contains(key.TrimStart('-')))
                throw ValidationException.Field("o", $"Cannot order by '{key}'. Choices: modified, -modified, is_completed, -is_completed.");
        return keys;
    }

    private static async Task<IResult> GetAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var row = await grains.GetGrain<IProjectionQueryGrain>(0).GetCompletionAsync(context.Caller(), RouteIds.Parse(uuid));
        return Results.Json(CompletionResponse.From(row), ApiJson.Options);
    }
}

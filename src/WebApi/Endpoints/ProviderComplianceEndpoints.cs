using System.Globalization;
using ComplianceGrains.Compliance;
using ComplianceGrains.Errors;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Projections;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Contracts;
using ComplianceGrains.WebApi.Infrastructure;
using CsvHelper;
using ValidationException = ComplianceGrains.Errors.ValidationException;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>Service provider monitoring (API.md §5).</summary>
public static class ProviderComplianceEndpoints
{
    private const int ExportPageSize = 500;

    public static void MapProviderComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var compliance = app.MapGroup("/api/marketplace-service-providers/{uuid}/compliance")
            .WithTags("Service provider compliance")
            .RequireAuthorization();
        compliance.MapList("/compliance_overview", OverviewAsync).Produces<ComplianceOverviewResponse[]>();
        compliance.MapList("/offering_users", OfferingUsersAsync).Produces<ProviderOfferingUserResponse[]>();
        compliance.MapList("/checklists_summary", ChecklistsSummaryAsync).Produces<ChecklistUsageResponse[]>();
        compliance.MapList("/events", EventsAsync).Produces<ComplianceEventResponse[]>();
        compliance.MapPost("/remind", RemindAsync).Produces<RemindResponse>(StatusCodes.Status202Accepted);
        compliance.MapGet("/export", ExportAsync).Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    private static async Task<IResult> OverviewAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var rows = await grains.GetGrain<IServiceProviderGrain>(RouteIds.Parse(uuid)).GetComplianceOverviewAsync(context.Caller());
        return Pagination.RespondWith(context, rows.Select(ComplianceOverviewResponse.From).ToList());
    }

    private static async Task<IResult> ChecklistsSummaryAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var rows = await grains.GetGrain<IServiceProviderGrain>(RouteIds.Parse(uuid)).GetChecklistsSummaryAsync(context.Caller());
        return Pagination.RespondWith(context, rows.Select(ChecklistUsageResponse.From).ToList());
    }

    private static async Task<IResult> OfferingUsersAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var providerId = RouteIds.Parse(uuid);
        var filter = Filter(context.Request);
        var page = await grains.GetGrain<IProjectionQueryGrain>(0)
            .ListProviderOfferingUsersAsync(context.Caller(), providerId, filter, Pagination.ParseRequest(context.Request));
        return Pagination.Respond(context, page.Items.Select(Row).ToList(), page.TotalCount);
    }

    private static async Task<IResult> EventsAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var request = context.Request;
        var filter = new ComplianceEventFilter(
            QueryFilters.Choice(request, "type", ComplianceEventTypes.All),
            QueryFilters.Uuid(request, "offering_uuid"),
            QueryFilters.Uuid(request, "offering_user_uuid"),
            QueryFilters.Instant(request, "created_after"));
        var page = await grains.GetGrain<IProjectionQueryGrain>(0)
            .ListEventsAsync(context.Caller(), RouteIds.Parse(uuid), filter, Pagination.ParseRequest(request));
        return Pagination.Respond(context, page.Items.Select(ComplianceEventResponse.From).ToList(), page.TotalCount);
    }

    /// <summary>
    /// Reminds the users of one offering, or of all the provider's offerings; refused as a whole (429) while any of them
    /// was reminded within the hour, and a refused call does not count.
    /// </summary>
    private static async Task<IResult> RemindAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var provider = await grains.GetGrain<IServiceProviderGrain>(RouteIds.Parse(uuid)).GetAsync(caller);
        var body = await JsonBody.ReadObjectAsync(context);
        var offeringId = body.Reference("offering_uuid", allowNull: true);
        body.ThrowIfInvalid();
        if (offeringId is { } id && !provider.OfferingIds.Contains(id))
            throw ValidationException.Field("offering_uuid", $"Object with uuid={id:N} does not exist.");
        var offerings = (offeringId is { } one ? [one] : provider.OfferingIds).Select(o => grains.GetGrain<IOfferingGrain>(o)).ToList();
        var waits = await Task.WhenAll(offerings.Select(o => o.RemindNowRetryAfterAsync(caller)));
        if (waits.Max() is { } wait) return TooManyReminders(context, wait);
        var outcomes = await Task.WhenAll(offerings.Select(o => o.RemindNowAsync(caller)));
        if (outcomes.Max(o => o.RetryAfterSeconds) is { } raced) return TooManyReminders(context, raced);
        return Results.Json(new RemindResponse(outcomes.Sum(o => o.Queued)), ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult TooManyReminders(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Json(new { detail = $"Reminders were sent recently. Try again in {retryAfterSeconds} seconds." },
            ApiJson.Options, statusCode: StatusCodes.Status429TooManyRequests);
    }

    /// <summary>Streams every matching row as CSV, a page of the projection at a time.</summary>
    internal static async Task ExportAsync(string uuid, HttpContext context, IGrainFactory grains)
    {
        var providerId = RouteIds.Parse(uuid);
        var format = QueryFilters.Text(context.Request, "format") ?? "csv";
        if (format != "csv") throw ValidationException.Field("format", $"\"{format}\" is not a valid choice.");
        var filter = Filter(context.Request);
        var query = grains.GetGrain<IProjectionQueryGrain>(0);
        var caller = context.Caller();
        var first = await query.ListProviderOfferingUsersAsync(caller, providerId, filter, new PageRequest(0, ExportPageSize));

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"compliance-{providerId:N}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteHeader<ProviderOfferingUserCsvRow>();
        await csv.NextRecordAsync();
        var page = first;
        for (var offset = 0; page.Items.Count > 0; )
        {
            await csv.WriteRecordsAsync(page.Items.Select(r => ProviderOfferingUserCsvRow.From(Row(r), r.OfferingUser.State)));
            await writer.FlushAsync(context.RequestAborted);
            offset += page.Items.Count;
            if (offset >= page.TotalCount) break;
            page = await query.ListProviderOfferingUsersAsync(caller, providerId, filter, new PageRequest(offset, ExportPageSize));
        }
    }

    private static ProviderOfferingUserFilter Filter(HttpRequest request)
    {
        var status = QueryFilters.Text(request, "compliance_status");
        if (status is not null && !ComplianceStatuses.All.Contains(status))
            throw ValidationException.Field("compliance_status", $"Select a valid choice. {status} is not one of the available choices.");
        return new ProviderOfferingUserFilter(
            QueryFilters.Uuid(request, "offering_uuid"), status, QueryFilters.Text(request, "search"), IsOverdue: QueryFilters.Bool(request, "is_overdue"));
    }

    private static ProviderOfferingUserResponse Row(OfferingUserSnapshot row)
    {
        var u = row.OfferingUser;
        var completion = u.HasComplianceChecklist ? row.Completion : null;
        return new ProviderOfferingUserResponse(
            u.Id, u.UserFullName, u.UserEmail, u.OfferingName, completion?.ChecklistName, u.Username, OfferingUserStates.CodeOf(u.State),
            u.HasComplianceChecklist ? completion?.CompletionPercentage ?? 0.0 : null,
            ComplianceStatusRule.Of(row), completion?.Modified, u.Created);
    }
}

/// <summary>A row of the CSV export, with the column names of offering_users/.</summary>
public sealed record ProviderOfferingUserCsvRow(
    string uuid, string user_full_name, string user_email, string offering_name, string? checklist_name, string username,
    int state, string? completion_percentage, string compliance_status, string? last_updated, string created, string state_label)
{
    public static ProviderOfferingUserCsvRow From(ProviderOfferingUserResponse r, string stateLabel) => new(
        r.Uuid.ToString("N"), r.UserFullName, r.UserEmail, r.OfferingName, r.ChecklistName, r.Username, r.State,
        r.CompletionPercentage?.ToString("0.0", CultureInfo.InvariantCulture), r.ComplianceStatus,
        r.LastUpdated?.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        r.Created.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), stateLabel);
}

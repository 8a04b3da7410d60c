using System.Globalization;
using System.Text.Json.Nodes;

namespace ComplianceGrains.Compliance;

/// <summary>
/// The Standard Webhooks envelope of an event (API.md §10): <c>{"type", "timestamp", "data"}</c>, <c>data</c> being
/// the event as events/ lists it (snake_case, uuids as 32 hex digits, UTC instants).
/// </summary>
public static class WebhookPayload
{
    public static string WebhookId(ComplianceEvent e) => e.Id.ToString("N");

    public static string Body(ComplianceEvent e) => new JsonObject
    {
        ["type"] = e.Type,
        ["timestamp"] = Instant(e.Created),
        ["data"] = Data(e),
    }.ToJsonString();

    private static JsonObject Data(ComplianceEvent e) => new()
    {
        ["uuid"] = e.Id.ToString("N"),
        ["type"] = e.Type,
        ["created"] = Instant(e.Created),
        ["offering_uuid"] = e.OfferingId.ToString("N"),
        ["offering_user_uuid"] = e.OfferingUserId?.ToString("N"),
        ["user_uuid"] = e.UserId?.ToString("N"),
        ["completion"] = e.Completion is { } c
            ? new JsonObject
            {
                ["is_completed"] = c.IsCompleted,
                ["completion_percentage"] = c.CompletionPercentage,
                ["due_date"] = c.DueDate is { } due ? Instant(due) : null,
                ["is_overdue"] = c.IsOverdue,
                ["expires_at"] = c.ExpiresAt is { } expiry ? Instant(expiry) : null,
            }
            : null,
    };

    private static string Instant(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}

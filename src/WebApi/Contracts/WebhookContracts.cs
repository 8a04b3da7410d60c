using ComplianceGrains.Compliance;

namespace ComplianceGrains.WebApi.Contracts;

public sealed record WebhookSubscriptionResponse(
    Guid Uuid, string Url, IReadOnlyList<string> EventTypes, bool IsActive, DateTime Created, string? DisabledReason)
{
    public static WebhookSubscriptionResponse From(WebhookSubscriptionView s) =>
        new(s.Id, s.Url, s.EventTypes, s.IsActive, s.Created, s.DisabledReason);
}

/// <summary>The creation response, the only one that shows the secret.</summary>
public sealed record CreatedWebhookSubscriptionResponse(
    Guid Uuid, string Url, IReadOnlyList<string> EventTypes, bool IsActive, DateTime Created, string? DisabledReason, string Secret);

public sealed record WebhookSubscriptionRequest(string Url, IReadOnlyList<string>? EventTypes, bool? IsActive);

public sealed record WebhookAttemptResponse(DateTime AttemptedAt, int? StatusCode, long DurationMs, string? Error);

public sealed record WebhookDeliveryResponse(
    Guid Uuid, Guid EventUuid, string EventType, string State, DateTime? NextAttemptAt, IReadOnlyList<WebhookAttemptResponse> Attempts)
{
    public static WebhookDeliveryResponse From(WebhookDeliveryView d) => new(
        d.Id, d.EventId, d.EventType, d.State, d.NextAttemptAt,
        d.Attempts.Select(a => new WebhookAttemptResponse(a.AttemptedAt, a.StatusCode, a.DurationMs, a.Error)).ToList());
}

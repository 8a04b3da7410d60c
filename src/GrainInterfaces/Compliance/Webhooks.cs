namespace ComplianceGrains.Compliance;

/// <summary>A provider's webhook subscription (API.md §10); its secret is shown only when it is created.</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookSubscriptionView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<string> EventTypes,
    [property: Id(3)] bool IsActive,
    [property: Id(4)] DateTime Created,
    [property: Id(5)] string? DisabledReason);

[GenerateSerializer, Immutable]
public sealed record CreatedWebhookSubscription(
    [property: Id(0)] WebhookSubscriptionView Subscription,
    [property: Id(1)] string Secret);

/// <summary>The fields PATCH may change; null leaves a field as it is.</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookSubscriptionChanges(
    [property: Id(0)] string? Url,
    [property: Id(1)] IReadOnlyList<string>? EventTypes,
    [property: Id(2)] bool? IsActive);

[GenerateSerializer, Immutable]
public sealed record WebhookAttemptView(
    [property: Id(0)] DateTime AttemptedAt,
    [property: Id(1)] int? StatusCode,
    [property: Id(2)] long DurationMs,
    [property: Id(3)] string? Error);

[GenerateSerializer, Immutable]
public sealed record WebhookDeliveryView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid EventId,
    [property: Id(2)] string EventType,
    [property: Id(3)] string State,
    [property: Id(4)] DateTime? NextAttemptAt,
    [property: Id(5)] IReadOnlyList<WebhookAttemptView> Attempts);

public static class WebhookDeliveryStates
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

/// <summary>
/// A service provider's webhooks: its subscriptions and their deliveries, each delivery's next attempt persisted so
/// that the retry schedule survives a crash.
/// </summary>
public interface IWebhookGrain : IGrainWithGuidKey
{
    Task<CreatedWebhookSubscription> CreateAsync(Caller caller, string url, IReadOnlyList<string> eventTypes);

    Task<IReadOnlyList<WebhookSubscriptionView>> ListAsync(Caller caller);

    Task<WebhookSubscriptionView> GetAsync(Caller caller, Guid subscriptionId);

    Task<WebhookSubscriptionView> UpdateAsync(Caller caller, Guid subscriptionId, WebhookSubscriptionChanges changes);

    Task DeleteAsync(Caller caller, Guid subscriptionId);

    /// <summary>A subscription's deliveries, newest first.</summary>
    Task<Page<WebhookDeliveryView>> ListDeliveriesAsync(Caller caller, Guid subscriptionId, PageRequest page);

    /// <summary>Delivers the event again, with the same webhook-id.</summary>
    Task<WebhookDeliveryView> RedeliverAsync(Caller caller, Guid subscriptionId, Guid deliveryId);

    /// <summary>
    /// Queues the events for every subscription that wants them (each at most once) and persists the queue before it
    /// returns, so that the caller's outbox may forget them. Interleaves with deliveries in flight.
    /// </summary>
    [AlwaysInterleave]
    Task EnqueueAsync(IReadOnlyList<ComplianceEvent> events);
}

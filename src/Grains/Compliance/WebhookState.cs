namespace ComplianceGrains.Compliance;

/// <summary>A provider's webhook subscriptions with their delivery queues and logs.</summary>
[GenerateSerializer]
public sealed class WebhookState
{
    [Id(0)] public List<WebhookSubscriptionState> Subscriptions { get; set; } = [];
}

[GenerateSerializer]
public sealed class WebhookSubscriptionState
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string Url { get; set; } = "";
    [Id(2)] public List<string> EventTypes { get; set; } = [];
    [Id(3)] public bool IsActive { get; set; } = true;
    [Id(4)] public DateTime Created { get; set; }
    [Id(5)] public string? DisabledReason { get; set; }
    [Id(6)] public string Secret { get; set; } = "";
    [Id(7)] public int ConsecutiveFailures { get; set; }
    /// <summary>Deliveries in the order their events were queued: pending ones and the newest finished ones.</summary>
    [Id(8)] public List<WebhookDeliveryState> Deliveries { get; set; } = [];
}

[GenerateSerializer]
public sealed class WebhookDeliveryState
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public ComplianceEvent Event { get; set; } = null!;
    [Id(2)] public string State { get; set; } = WebhookDeliveryStates.Pending;
    [Id(3)] public DateTime? NextAttemptAt { get; set; }
    [Id(4)] public List<WebhookAttemptView> Attempts { get; set; } = [];
    /// <summary>Attempts that failed since the delivery was last queued (a redelivery starts a new schedule).</summary>
    [Id(5)] public int FailedAttempts { get; set; }
    /// <summary>When the current schedule started: the event's time, or the redelivery's.</summary>
    [Id(6)] public DateTime ScheduleStart { get; set; }
}

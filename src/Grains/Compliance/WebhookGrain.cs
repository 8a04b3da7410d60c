using ComplianceGrains.Domain;
using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplianceGrains.Compliance;

/// <summary>
/// A provider's webhooks. Deliveries are persisted with their next attempt; a grain timer attempts what is due and a
/// reminder brings the grain back after a crash while any delivery is pending. Deliveries of one offering user are
/// sent in the order their events were queued: a later one waits until the earlier one is delivered or has failed.
/// </summary>
public sealed class WebhookGrain(
    [PersistentState("webhooks", StorageNames.Main)] IPersistentState<WebhookState> state,
    WebhookSender sender,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookGrain> logger) : Grain, IWebhookGrain, IRemindable
{
    private const string ResumeReminder = "webhook-deliveries";
    private const int KeptFinishedDeliveries = 200;
    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(1);
    private IGrainTimer? _timer;
    private Task _lastWrite = Task.CompletedTask;

    private Guid ProviderId => this.GetPrimaryKey();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IEnumerable<WebhookDeliveryState> Pending =>
        state.State.Subscriptions.SelectMany(s => s.Deliveries).Where(d => d.State == WebhookDeliveryStates.Pending);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Pending.Any()) StartTimer();
        return Task.CompletedTask;
    }

    public async Task<CreatedWebhookSubscription> CreateAsync(Caller caller, string url, IReadOnlyList<string> eventTypes)
    {
        await EnsureCanManageAsync(caller);
        await ValidateAsync(url, eventTypes);
        var subscription = new WebhookSubscriptionState
        {
            Id = Guid.NewGuid(), Url = url, EventTypes = eventTypes.Distinct().ToList(), Created = Now, Secret = WebhookSignature.NewSecret(),
        };
        state.State.Subscriptions.Add(subscription);
        await WriteAsync();
        return new CreatedWebhookSubscription(View(subscription), subscription.Secret);
    }

    public async Task<IReadOnlyList<WebhookSubscriptionView>> ListAsync(Caller caller)
    {
        await EnsureCanManageAsync(caller);
        return state.State.Subscriptions.Select(View).ToList();
    }

    public async Task<WebhookSubscriptionView> GetAsync(Caller caller, Guid subscriptionId)
    {
        await EnsureCanManageAsync(caller);
        return View(Find(subscriptionId));
    }

    public async Task<WebhookSubscriptionView> UpdateAsync(Caller caller, Guid subscriptionId, WebhookSubscriptionChanges changes)
    {
        await EnsureCanManageAsync(caller);
        var subscription = Find(subscriptionId);
        await ValidateAsync(changes.Url ?? subscription.Url, changes.EventTypes ?? subscription.EventTypes);
        if (changes.Url is { } url) subscription.Url = url;
        if (changes.EventTypes is { } types) subscription.EventTypes = types.Distinct().ToList();
        if (changes.IsActive is { } active)
        {
            subscription.IsActive = active;
            if (active)
            {
                subscription.DisabledReason = null;
                subscription.ConsecutiveFailures = 0;
            }
        }
        await WriteAsync();
        return View(subscription);
    }

    public async Task DeleteAsync(Caller caller, Guid subscriptionId)
    {
        await EnsureCanManageAsync(caller);
        state.State.Subscriptions.Remove(Find(subscriptionId));
        await WriteAsync();
    }

    public async Task<Page<WebhookDeliveryView>> ListDeliveriesAsync(Caller caller, Guid subscriptionId, PageRequest page)
    {
        await EnsureCanManageAsync(caller);
        var deliveries = Find(subscriptionId).Deliveries;
        var items = Enumerable.Reverse(deliveries).Skip(page.Offset).Take(page.Limit).Select(DeliveryView).ToList();
        return new Page<WebhookDeliveryView>(items, deliveries.Count);
    }

    public async Task<WebhookDeliveryView> RedeliverAsync(Caller caller, Guid subscriptionId, Guid deliveryId)
    {
        await EnsureCanManageAsync(caller);
        var subscription = Find(subscriptionId);
        var delivery = subscription.Deliveries.Find(d => d.Id == deliveryId) ?? throw new NotFoundException();
        if (!subscription.IsActive) throw ValidationException.General("The subscription is disabled; activate it first.");
        delivery.State = WebhookDeliveryStates.Pending;
        delivery.NextAttemptAt = Now;
        delivery.FailedAttempts = 0;
        delivery.ScheduleStart = Now;
        await SaveAndKeepDeliveringAsync();
        return DeliveryView(delivery);
    }

    public async Task EnqueueAsync(IReadOnlyList<ComplianceEvent> events)
    {
        var queued = false;
        foreach (var subscription in state.State.Subscriptions.Where(s => s.IsActive))
        foreach (var e in events)
        {
            if (e.Created < subscription.Created) continue;
            if (subscription.EventTypes.Count > 0 && !subscription.EventTypes.Contains(e.Type)) continue;
            if (subscription.Deliveries.Exists(d => d.Event.Id == e.Id)) continue;
            subscription.Deliveries.Add(new WebhookDeliveryState
            {
                Id = Guid.NewGuid(), Event = e, NextAttemptAt = Now, ScheduleStart = e.Created,
            });
            queued = true;
        }
        if (queued) await SaveAndKeepDeliveringAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Pending.Any()) StartTimer();
        else if (await this.GetReminder(ResumeReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    private async Task SaveAndKeepDeliveringAsync()
    {
        await WriteAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        StartTimer();
    }

    /// <summary>
    /// The delivery timer interleaves with calls (a slow target must not hold up the outboxes queueing events), so
    /// writes are chained: each one stores the whole state after the previous one finished, never two at once.
    /// </summary>
    private void StartTimer() =>
        _timer ??= this.RegisterGrainTimer(
            DeliverDueAsync, new GrainTimerCreationOptions(TimeSpan.Zero, TickPeriod) { Interleave = true });

    private Task WriteAsync() => _lastWrite = WriteAfterAsync(_lastWrite);

    private async Task WriteAfterAsync(Task previous)
    {
        try
        {
            await previous;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A webhook state write of provider {Provider} failed; the next write stores its changes", ProviderId);
        }
        await state.WriteStateAsync();
    }

    /// <summary>Attempts, per subscription and offering user, the oldest pending delivery if it is due.</summary>
    private async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var due = state.State.Subscriptions
            .Where(s => s.IsActive)
            .SelectMany(s => s.Deliveries
                .Where(d => d.State == WebhookDeliveryStates.Pending)
                .GroupBy(d => d.Event.OfferingUserId ?? d.Event.OfferingId)
                .Select(g => g.First())
                .Where(d => d.NextAttemptAt <= now)
                .Select(d => (Subscription: s, Delivery: d)))
            .ToList();
        if (due.Count > 0)
        {
            await Task.WhenAll(due.Select(item => AttemptAsync(item.Subscription, item.Delivery)));
            foreach (var subscription in state.State.Subscriptions) Trim(subscription);
            await WriteAsync();
        }
        if (!state.State.Subscriptions.Any(s => s.IsActive && s.Deliveries.Exists(d => d.State == WebhookDeliveryStates.Pending)))
        {
            _timer?.Dispose();
            _timer = null;
            if (await this.GetReminder(ResumeReminder) is { } reminder) await this.UnregisterReminder(reminder);
        }
    }

    private async Task AttemptAsync(WebhookSubscriptionState subscription, WebhookDeliveryState delivery)
    {
        var attemptedAt = Now;
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var outcome = await sender.SendAsync(
            subscription.Url, subscription.Secret, WebhookPayload.WebhookId(delivery.Event), timestamp, WebhookPayload.Body(delivery.Event));
        delivery.Attempts.Add(new WebhookAttemptView(attemptedAt, outcome.StatusCode, outcome.DurationMs, outcome.Error));
        if (outcome.Delivered)
        {
            delivery.State = WebhookDeliveryStates.Delivered;
            delivery.NextAttemptAt = null;
            subscription.ConsecutiveFailures = 0;
            return;
        }
        if (outcome.StatusCode == 410)
        {
            Fail(delivery);
            Disable(subscription, "The target answered 410 Gone.");
            return;
        }
        delivery.FailedAttempts++;
        delivery.NextAttemptAt = WebhookRetrySchedule.NextAttempt(
            delivery.ScheduleStart, Now, delivery.FailedAttempts, options.Value.FirstRetryDelay, Random.Shared.NextDouble());
        if (delivery.NextAttemptAt is not null) return;
        Fail(delivery);
        if (++subscription.ConsecutiveFailures >= options.Value.MaxConsecutiveFailures)
            Disable(subscription, $"{subscription.ConsecutiveFailures} consecutive deliveries failed.");
    }

    private static void Fail(WebhookDeliveryState delivery)
    {
        delivery.State = WebhookDeliveryStates.Failed;
        delivery.NextAttemptAt = null;
    }

    private void Disable(WebhookSubscriptionState subscription, string reason)
    {
        subscription.IsActive = false;
        subscription.DisabledReason = reason;
        logger.LogWarning("Webhook subscription {Subscription} of provider {Provider} disabled: {Reason}", subscription.Id, ProviderId, reason);
    }

    /// <summary>Keeps every pending delivery and the newest finished ones, so the state does not grow without bound.</summary>
    private static void Trim(WebhookSubscriptionState subscription)
    {
        var finished = subscription.Deliveries.Count(d => d.State != WebhookDeliveryStates.Pending);
        var excess = finished - KeptFinishedDeliveries;
        if (excess <= 0) return;
        subscription.Deliveries.RemoveAll(d => d.State != WebhookDeliveryStates.Pending && excess-- > 0);
    }

    private async Task ValidateAsync(string url, IReadOnlyList<string> eventTypes)
    {
        var errors = new Dictionary<string, string[]>();
        if (await sender.TargetProblemAsync(url) is { } problem) errors["url"] = [problem];
        if (eventTypes.FirstOrDefault(t => !ComplianceEventTypes.All.Contains(t)) is { } unknown)
            errors["event_types"] = [$"\"{unknown}\" is not a valid choice."];
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    private WebhookSubscriptionState Find(Guid id) => state.State.Subscriptions.Find(s => s.Id == id) ?? throw new NotFoundException();

    /// <summary>Staff, and holders of OFFERING.UPDATE_OPTIONS on the provider's customer; others who may see it get 403.</summary>
    private async Task EnsureCanManageAsync(Caller caller)
    {
        if (!caller.IsAuthenticated) throw new NotFoundException();
        var provider = await GrainFactory.GetGrain<IServiceProviderGrain>(ProviderId).GetAsync(caller);
        if (caller.IsStaff) return;
        if (!await GrainFactory.GetGrain<ICustomerGrain>(provider.CustomerId).HasPermissionAsync(caller, Permission.OfferingUpdateOptions))
            throw new PermissionDeniedException();
    }

    private static WebhookSubscriptionView View(WebhookSubscriptionState s) =>
        new(s.Id, s.Url, s.EventTypes.ToArray(), s.IsActive, s.Created, s.DisabledReason);

    private static WebhookDeliveryView DeliveryView(WebhookDeliveryState d) =>
        new(d.Id, d.Event.Id, d.Event.Type, d.State, d.NextAttemptAt, Enumerable.Reverse(d.Attempts).ToArray());
}

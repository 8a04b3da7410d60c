using ComplianceGrains.Catalog;
using ComplianceGrains.Checklists;
using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Operations;
using Microsoft.Extensions.Logging;

namespace ComplianceGrains.Marketplace;

[GenerateSerializer]
public sealed class OfferingState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string Description { get; set; } = "";
    [Id(3)] public Guid CustomerId { get; set; }
    [Id(4)] public string CustomerName { get; set; } = "";
    [Id(5)] public Guid ServiceProviderId { get; set; }
    [Id(6)] public string State { get; set; } = OfferingStates.Active;
    [Id(7)] public Guid? ChecklistId { get; set; }
    [Id(8)] public DateTime Created { get; set; }
    /// <summary>The newest version of the checklist that the offering's users have been brought in line with.</summary>
    [Id(10)] public long ChecklistVersion { get; set; }
    [Id(11)] public ComplianceJobState Job { get; set; } = new();
    [Id(12)] public CompliancePolicy Policy { get; set; } = CompliancePolicy.None;
    /// <summary>Grows with every policy change; offering users re-evaluate their completions for a newer one.</summary>
    [Id(13)] public long PolicyVersion { get; set; }
    /// <summary>Checklist events written with the state and not yet confirmed by the event store.</summary>
    [Id(14)] public List<ComplianceEvent> UnsentEvents { get; set; } = [];
    /// <summary>When "remind now" was last accepted (at most once per <c>RemindNowPeriod</c>).</summary>
    [Id(15)] public DateTime? LastRemindNow { get; set; }
}

public sealed class OfferingGrain(
    [PersistentState("offering", StorageNames.Main)] IPersistentState<OfferingState> state,
    IOfferingMemberStore members,
    ChecklistDefinitionCache definitions,
    OutboxConsumers consumers,
    TimeProvider clock,
    ILogger<OfferingGrain> logger) : Grain, IOfferingGrain, IRemindable
{
    private const string JobReminder = "compliance-sync";
    private const string SweepReminder = "compliance-sweep";
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RemindNowPeriod = TimeSpan.FromHours(1);
    // Offering users synchronised at once. More than a silo's connection pool holds (30): they queue for connections
    // briefly, their state writes go out in fuller group commits, and the job's own per-batch costs (member page,
    // progress write) are paid less often. Attaching to 10,000 took 5.7–6.3 s with 128, 2.6–4.4 s with 256 and 3.4 s
    // with 512 (docs/benchmarks.md, attach).
    private const int BatchSize = 256;
    private static readonly TimeSpan TickBudget = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _jobTimer;
    private StateOutbox? _outbox;
    /// <summary>A checklist version announced while the offering was busy; the job timer persists and applies it.</summary>
    private long _announcedVersion;

    private Guid Id => this.GetPrimaryKey();

    private OfferingState S => state.State;

    /// <summary>The checklist events the stored state owes the event store.</summary>
    private StateOutbox Outbox => _outbox ??= new StateOutbox(this, consumers, () => new OutboxItems([], S.UnsentEvents), logger);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!S.Exists) return;
        Outbox.Resume(null);
        if (S.ChecklistId is { } checklistId
            && await GrainFactory.GetGrain<IChecklistGrain>(checklistId).GetDefinitionAsync() is { } definition)
            _announcedVersion = definition.Version;
        if (S.Job.State != ComplianceSyncStatus.Idle || _announcedVersion > S.ChecklistVersion) StartJobTimer();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The activation that resumes the job counts its progress wherever it runs.
        ComplianceMetrics.LifecycleJobGone(Id);
        return Outbox.StopAsync();
    }

    public async Task<OfferingView> CreateAsync(Caller caller, NewOffering offering)
    {
        TextGuard.Require(("name", offering.Name), ("description", offering.Description));
        if (S.Exists) throw ValidationException.NonField("Offering already exists.");
        var customerGrain = GrainFactory.GetGrain<ICustomerGrain>(offering.CustomerId);
        var customer = await ReferencedObject.GetAsync("customer", offering.CustomerId, () => customerGrain.GetAsync(caller));
        if (!await customerGrain.HasPermissionAsync(caller, Permission.OfferingUpdateOptions)) throw new PermissionDeniedException();
        if (customer.ServiceProviderId is not { } providerId)
            throw ValidationException.Field("customer", "The customer is not a service provider.");
        var checklist = offering.ChecklistId is { } checklistId ? await ComplianceChecklistAsync(checklistId) : null;

        state.State = new OfferingState
        {
            Exists = true,
            Name = offering.Name,
            Description = offering.Description,
            CustomerId = customer.Id,
            CustomerName = customer.Name,
            ServiceProviderId = providerId,
            ChecklistId = checklist?.ChecklistId,
            ChecklistVersion = checklist?.Version ?? 0,
            Created = DateTime.UtcNow,
            Job = new ComplianceJobState { ChecklistId = checklist?.ChecklistId, ChecklistVersion = checklist?.Version ?? 0 },
        };
        if (checklist is not null) RecordEvent(ComplianceEventTypes.ChecklistAttached);
        await state.WriteStateAsync();
        await Outbox.DeliverAsync(null);
        if (checklist is not null) await GrainFactory.GetGrain<IChecklistGrain>(checklist.ChecklistId).AddOfferingUseAsync(Id);
        await GrainFactory.GetGrain<IServiceProviderGrain>(providerId).AddOfferingAsync(Id);
        await GrainFactory.GetGrain<ICatalogGrain>(CatalogNames.Offerings).AddAsync(Id);
        return await ViewAsync();
    }

    public async Task<OfferingView> GetAsync(Caller caller)
    {
        await EnsureVisibleAsync(caller);
        return await ViewAsync();
    }

    public async Task<ChecklistDefinition> GetChecklistTemplateAsync(Caller caller)
    {
        if (!(S.Exists && OfferingStates.IsPublic(S.State))) await EnsureVisibleAsync(caller);
        var definition = S.ChecklistId is { } checklistId ? await definitions.GetAsync(checklistId, S.ChecklistVersion) : null;
        return definition ?? throw ValidationException.General(OfferingUserGrain.NoChecklist);
    }

    public Task<OfferingView> GetPublicAsync()
    {
        if (!S.Exists) throw new NotFoundException();
        return ViewAsync();
    }

    public async Task<OfferingView> ArchiveAsync(Caller caller)
    {
        await EnsurePermissionAsync(caller, Permission.OfferingUpdateOptions);
        S.State = OfferingStates.Archived;
        await state.WriteStateAsync();
        return await ViewAsync();
    }

    public async Task<Guid> AddOfferingUserAsync(Caller caller, Guid offeringUserId, Guid userId)
    {
        await EnsurePermissionAsync(caller, Permission.OfferingUpdateUser);
        if (await members.TryAddAsync(Id, userId, offeringUserId) is { } existing && existing != offeringUserId)
            throw ValidationException.NonField("The fields offering, user must make a unique set.");
        return offeringUserId;
    }

    public Task<ComplianceTarget> GetComplianceTargetAsync() =>
        Task.FromResult(new ComplianceTarget(S.ChecklistId, Math.Max(S.ChecklistVersion, _announcedVersion), S.Policy, S.PolicyVersion));

    public async Task<CompliancePolicy> GetCompliancePolicyAsync(Caller caller)
    {
        await EnsureVisibleAsync(caller);
        return S.Policy;
    }

    public async Task<CompliancePolicy> SetCompliancePolicyAsync(Caller caller, CompliancePolicy policy)
    {
        await EnsurePermissionAsync(caller, Permission.OfferingUpdateOptions);
        if (CompliancePolicyRules.Validate(policy) is { Count: > 0 } errors) throw new ValidationException(errors);
        var normalised = CompliancePolicyRules.Normalise(policy);
        if (PolicyEquals(normalised, S.Policy)) return S.Policy;
        S.Policy = normalised;
        S.PolicyVersion++;
        // Every completion is re-evaluated against the new policy by the lifecycle job, as for a checklist change.
        await StartJobAsync();
        await state.WriteStateAsync();
        await EnsureJobRunsAsync();
        await KeepSweepingWhilePolicyIsActiveAsync();
        return S.Policy;
    }

    public async Task<int> SweepAsync()
    {
        if (!S.Exists || !S.Policy.IsActive) return 0;
        return await SweepUsersAsync(remindNow: false);
    }

    public async Task<int?> RemindNowRetryAfterAsync(Caller caller)
    {
        await EnsurePermissionAsync(caller, Permission.OfferingUpdateUser);
        if (S.LastRemindNow is not { } last) return null;
        var wait = last + RemindNowPeriod - clock.GetUtcNow().UtcDateTime;
        return wait > TimeSpan.Zero ? (int)Math.Ceiling(wait.TotalSeconds) : null;
    }

    public async Task<RemindNowOutcome> RemindNowAsync(Caller caller)
    {
        if (await RemindNowRetryAfterAsync(caller) is { } retryAfter) return new RemindNowOutcome(0, retryAfter);
        S.LastRemindNow = clock.GetUtcNow().UtcDateTime;
        await state.WriteStateAsync();
        return new RemindNowOutcome(await SweepUsersAsync(remindNow: true), null);
    }

    /// <summary>Evaluates every offering user in bounded batches; returns the number of reminders sent.</summary>
    private async Task<int> SweepUsersAsync(bool remindNow)
    {
        if (S.ChecklistId is null) return 0;
        var target = await GetComplianceTargetAsync();
        var sent = 0;
        for (Guid? cursor = null; ;)
        {
            var batch = await members.NextAsync(Id, cursor, BatchSize);
            if (batch.Count == 0) return sent;
            var reminded = await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<IOfferingUserGrain>(id).EvaluateAsync(target, remindNow)));
            sent += reminded.Count(r => r);
            cursor = batch[^1];
        }
    }

    private void RecordEvent(string type) => S.UnsentEvents.Add(new ComplianceEvent(
        Guid.NewGuid(), type, clock.GetUtcNow().UtcDateTime, S.ServiceProviderId, Id, null, null, null));

    private static bool PolicyEquals(CompliancePolicy a, CompliancePolicy b) =>
        a with { ReminderDaysBeforeDue = [] } == b with { ReminderDaysBeforeDue = [] }
        && a.ReminderDaysBeforeDue.SequenceEqual(b.ReminderDaysBeforeDue);

    /// <summary>One durable reminder per offering with a policy drives the sweep; an offering without one has none.</summary>
    private async Task KeepSweepingWhilePolicyIsActiveAsync()
    {
        if (S.Policy.IsActive) await this.RegisterOrUpdateReminder(SweepReminder, SweepPeriod, SweepPeriod);
        else if (await this.GetReminder(SweepReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    public async Task<ComplianceSyncStatus> UpdateComplianceChecklistAsync(Caller caller, Guid? checklistId)
    {
        await EnsurePermissionAsync(caller, Permission.OfferingUpdateOptions);
        var checklist = checklistId is { } id ? await ComplianceChecklistAsync(id) : null;
        if (S.State == OfferingStates.Archived)
            throw ValidationException.NonField("It is not possible to update archived offering.");
        if (checklistId == S.ChecklistId) return S.Job.Status();

        var previous = S.ChecklistId;
        S.ChecklistId = checklistId;
        S.ChecklistVersion = checklist?.Version ?? 0;
        _announcedVersion = 0;
        await StartJobAsync();
        if (previous is not null) RecordEvent(ComplianceEventTypes.ChecklistDetached);
        if (checklistId is not null) RecordEvent(ComplianceEventTypes.ChecklistAttached);
        await state.WriteStateAsync();
        await Outbox.DeliverAsync(null);
        if (previous is { } old) await GrainFactory.GetGrain<IChecklistGrain>(old).RemoveOfferingUseAsync(Id);
        if (checklistId is { } attached) await GrainFactory.GetGrain<IChecklistGrain>(attached).AddOfferingUseAsync(Id);
        await EnsureJobRunsAsync();
        return S.Job.Status();
    }

    public async Task<ComplianceSyncStatus> GetComplianceSyncAsync(Caller caller)
    {
        await EnsureVisibleAsync(caller);
        return S.Job.Status();
    }

    public Task ChecklistChangedAsync(Guid checklistId, long version)
    {
        if (checklistId == S.ChecklistId && version > Math.Max(S.ChecklistVersion, _announcedVersion))
        {
            _announcedVersion = version;
            StartJobTimer();
        }
        return Task.CompletedTask;
    }

    public async Task<ChecklistEditImpact> PreviewChecklistEditAsync(ChecklistDefinition current, ChecklistDefinition proposed)
    {
        if (S.ChecklistId != current.ChecklistId) return ChecklistEditImpact.None;
        var impact = ChecklistEditImpact.None with { Offerings = 1 };
        for (Guid? cursor = null; ;)
        {
            var batch = await members.NextAsync(Id, cursor, BatchSize);
            if (batch.Count == 0) return impact;
            var previews = await Task.WhenAll(batch.Select(id =>
                GrainFactory.GetGrain<IOfferingUserGrain>(id).PreviewChecklistEditAsync(current, proposed)));
            impact = previews.Aggregate(impact, (sum, preview) => sum.Plus(preview));
            cursor = batch[^1];
        }
    }

    public Task RemoveOfferingUserAsync(Guid offeringUserId, Guid userId) => members.RemoveAsync(Id, userId, offeringUserId);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == SweepReminder)
        {
            await SweepAsync();
            return;
        }
        if (reminderName != JobReminder) return;
        if (S.Job.State == ComplianceSyncStatus.Idle && _announcedVersion <= S.ChecklistVersion)
        {
            await this.UnregisterReminder(await this.GetReminder(JobReminder) ?? throw new InvalidOperationException());
            return;
        }
        if (S.Job.State == ComplianceSyncStatus.Failed) S.Job.State = ComplianceSyncStatus.Running;
        StartJobTimer();
    }

    /// <summary>Starts a new job towards the current target; a running job is superseded.</summary>
    private async Task StartJobAsync()
    {
        S.Job = new ComplianceJobState
        {
            State = ComplianceSyncStatus.Running,
            ChecklistId = S.ChecklistId,
            ChecklistVersion = S.ChecklistVersion,
            Total = await members.CountAsync(Id),
            Started = DateTime.UtcNow,
            EverRun = true,
        };
    }

    private async Task EnsureJobRunsAsync()
    {
        await this.RegisterOrUpdateReminder(JobReminder, ReminderPeriod, ReminderPeriod);
        StartJobTimer();
    }

    private void StartJobTimer() =>
        _jobTimer ??= this.RegisterGrainTimer(RunJobTickAsync, new GrainTimerCreationOptions(TimeSpan.Zero, TickPeriod));

    private void StopJobTimer()
    {
        _jobTimer?.Dispose();
        _jobTimer = null;
    }

    /// <summary>Processes batches for a bounded time, persisting progress after each one.</summary>
    private async Task RunJobTickAsync(CancellationToken cancellationToken)
    {
        if (_announcedVersion > S.ChecklistVersion)
        {
            S.ChecklistVersion = _announcedVersion;
            await StartJobAsync();
            await state.WriteStateAsync();
            await this.RegisterOrUpdateReminder(JobReminder, ReminderPeriod, ReminderPeriod);
        }
        var job = S.Job;
        if (job.State != ComplianceSyncStatus.Running)
        {
            StopJobTimer();
            return;
        }
        var started = job.Started ?? DateTime.UtcNow;
        ComplianceMetrics.LifecycleJobRunning(Id, job.Total - job.Processed, started);
        var target = job.Target with { Policy = S.Policy, PolicyVersion = S.PolicyVersion };
        var deadline = DateTime.UtcNow + TickBudget;
        while (DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
        {
            var batch = await members.NextAsync(Id, job.Cursor, BatchSize);
            if (batch.Count == 0)
            {
                await FinishJobAsync(job);
                return;
            }
            try
            {
                await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<IOfferingUserGrain>(id).SyncComplianceAsync(target)));
            }
            catch (Exception e)
            {
                logger.LogError(e, "Compliance sync of offering {Offering} failed; the reminder retries it", Id);
                job.State = ComplianceSyncStatus.Failed;
                job.Error = e.Message;
                await state.WriteStateAsync();
                StopJobTimer();
                return;
            }
            job.Cursor = batch[^1];
            job.Processed = Math.Min(job.Total, job.Processed + batch.Count);
            await state.WriteStateAsync();
            ComplianceMetrics.LifecycleBatchDone(Id, job.Total - job.Processed, started);
        }
    }

    private async Task FinishJobAsync(ComplianceJobState job)
    {
        job.State = ComplianceSyncStatus.Idle;
        job.Processed = job.Total;
        job.Finished = DateTime.UtcNow;
        job.Error = null;
        await state.WriteStateAsync();
        ComplianceMetrics.LifecycleJobGone(Id);
        StopJobTimer();
        if (await this.GetReminder(JobReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    private async Task<Compliance.ChecklistDefinition> ComplianceChecklistAsync(Guid checklistId)
    {
        var definition = await GrainFactory.GetGrain<IChecklistGrain>(checklistId).GetDefinitionAsync();
        if (definition is null || definition.ChecklistType != ChecklistTypes.OfferingCompliance)
            throw ValidationException.Field("compliance_checklist", $"Object with uuid={checklistId:N} does not exist.");
        return definition;
    }

    private async Task EnsureVisibleAsync(Caller caller)
    {
        if (!S.Exists) throw new NotFoundException();
        if (caller.CanReadEverything) return;
        if (!caller.IsAuthenticated || !await GrainFactory.GetGrain<ICustomerGrain>(S.CustomerId).IsMemberAsync(caller))
            throw new NotFoundException();
    }

    private async Task EnsurePermissionAsync(Caller caller, Permission permission)
    {
        await EnsureVisibleAsync(caller);
        if (!await GrainFactory.GetGrain<ICustomerGrain>(S.CustomerId).HasPermissionAsync(caller, permission))
            throw new PermissionDeniedException();
    }

    private async Task<OfferingView> ViewAsync()
    {
        var checklist = S.ChecklistId is { } id ? await GrainFactory.GetGrain<IChecklistGrain>(id).FindAsync() : null;
        return new OfferingView(
            Id, S.Name, S.Description, S.CustomerId, S.CustomerName, S.ServiceProviderId, S.State,
            S.ChecklistId, checklist?.Name, S.Created);
    }
}

using System.Collections.Frozen;
using ComplianceGrains.Checklists;
using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Operations;
using ComplianceGrains.Projections;
using Microsoft.Extensions.Logging;

namespace ComplianceGrains.Marketplace;

public sealed class OfferingUserGrain(
    [PersistentState("offering-user", StorageNames.Main)] IPersistentState<OfferingUserState> state,
    ChecklistDefinitionCache definitions,
    IAnswerHistoryStore history,
    OutboxConsumers consumers,
    IFileStore files,
    LibMagicMimeSniffer mimeSniffer,
    TimeProvider clock,
    ComplianceMailer mailer,
    ILogger<OfferingUserGrain> logger) : Grain, IOfferingUserGrain
{
    internal const string NoChecklist = "No checklist configured for this object";
    private Dictionary<Guid, string>? _userNames;
    private StateOutbox? _outbox;

    private Guid Id => this.GetPrimaryKey();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private OfferingUserState S => state.State;

    /// <summary>What the stored state owes: its snapshot, history entries and events.</summary>
    private StateOutbox Outbox => _outbox ??= new StateOutbox(this, consumers, () => new OutboxItems(S.UnappendedHistory, S.UnsentEvents), logger);

    private CompletionState? Current => S.Completions.FirstOrDefault(c => !c.Archived);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!S.Exists) return;
        await RepairStoredTextAsync();
        await LoadQuestionViewsAsync();
        Outbox.Resume(Snapshot());
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await Outbox.StopAsync();
    }

    /// <summary>
    /// A state stored before the text rule may hold text that no read can serialize and no store accepts; it is
    /// repaired once (marked placeholders) and stored, so that no read stays broken.
    /// </summary>
    private async Task RepairStoredTextAsync()
    {
        if (OfferingUserTextRepair.Repair(S) is not (> 0 and var repaired)) return;
        logger.LogWarning("Replaced {Count} stored values of offering user {Id} that were not valid text", repaired, Id);
        S.Version++;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            // The repaired state is served from memory and stored with the next write.
            logger.LogWarning(e, "Storing the repaired state of offering user {Id} failed", Id);
        }
    }

    /// <summary>
    /// Makes sure the silo's definition cache knows the current completion's questions, so that its snapshot lists its
    /// unanswered questions with their descriptions. Best effort: a failure is retried by the request that needs them.
    /// </summary>
    private async Task LoadQuestionViewsAsync()
    {
        if (Current is not { } completion || !completion.UnansweredRequiredQuestionIds().Any()) return;
        try
        {
            await definitions.GetAsync(completion.ChecklistId, completion.ChecklistVersion);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not load checklist {Checklist} for offering user {Id}", completion.ChecklistId, Id);
        }
    }

    public async Task<OfferingUserView> CreateAsync(Caller caller, Guid offeringId, Guid userId, string? username)
    {
        TextGuard.Require(("username", username));
        if (S.Exists) throw ValidationException.NonField("Offering user already exists.");
        var offeringGrain = GrainFactory.GetGrain<IOfferingGrain>(offeringId);
        var offering = await ReferencedObject.GetAsync("offering", offeringId, () => offeringGrain.GetAsync(caller));
        var user = await ReferencedObject.GetAsync("user", userId, () => GrainFactory.GetGrain<IUserGrain>(userId).GetAsync(Caller.System));
        await offeringGrain.AddOfferingUserAsync(caller, Id, userId);

        var now = Now;
        state.State = new OfferingUserState
        {
            Exists = true,
            OfferingId = offering.Id,
            OfferingName = offering.Name,
            CustomerId = offering.CustomerId,
            CustomerName = offering.CustomerName,
            ServiceProviderId = offering.ServiceProviderId,
            UserId = user.Id,
            UserUsername = user.Username,
            UserFullName = user.FullName,
            UserEmail = user.Email,
            Username = username ?? user.Username,
            Created = now,
            Modified = now,
        };
        await SyncAsync(await TargetAsync(), forceSave: true);
        return View();
    }

    public async Task<OfferingUserView> GetAsync(Caller caller)
    {
        await EnsureVisibleAsync(caller);
        return View();
    }

    public async Task<OfferingUserView> UpdateAsync(Caller caller, OfferingUserChanges changes)
    {
        await EnsureCanManageAsync(caller);
        TextGuard.Require(("username", changes.Username), ("state", changes.State));
        if (changes.Username is { } username) S.Username = username;
        if (changes.State is { } newState) S.State = newState;
        if (changes.IsRestricted is { } restricted) S.IsRestricted = restricted;
        S.Modified = Now;
        await SaveAndPublishAsync();
        return View();
    }

    public async Task DeleteAsync(Caller caller)
    {
        await EnsureCanManageAsync(caller);
        await GrainFactory.GetGrain<IOfferingGrain>(S.OfferingId).RemoveOfferingUserAsync(Id, S.UserId);
        var tombstone = Snapshot() with { Version = S.Version + 1, Deleted = true };
        await history.DeleteAsync(Id);
        await files.DeleteAllAsync(Id);
        await state.ClearStateAsync();
        state.State = new OfferingUserState();
        await Outbox.DeliverAsync(tombstone);
        if (!Outbox.HasUndeliveredSnapshot) DeactivateOnIdle();
    }

    public async Task<ChecklistForUser> GetChecklistAsync(Caller caller)
    {
        await EnsureCanReadAnswersAsync(caller);
        return await ChecklistViewAsync();
    }

    public async Task<ChecklistForUser> GetChecklistForReviewAsync(Caller caller)
    {
        await EnsureCanReviewAsync(caller, write: false);
        return await ChecklistViewAsync();
    }

    public async Task<ChecklistForUser> ReviewAsync(Caller caller, string notes)
    {
        await EnsureCanReviewAsync(caller, write: true);
        TextGuard.Require(("review_notes", notes));
        var (completion, _) = await CurrentCompletionAsync();
        completion.ReviewedBy = caller.UserId;
        completion.ReviewedByName = await UserNameAsync(caller.UserId);
        completion.ReviewedAt = Now;
        completion.ReviewNotes = notes;
        completion.ReviewRequestSent = false;
        completion.Modified = completion.ReviewedAt.Value;
        await SaveAndPublishAsync(ComplianceEventTypes.Reviewed);
        return await ChecklistViewAsync();
    }

    private async Task<ChecklistForUser> ChecklistViewAsync()
    {
        var (completion, definition) = await CurrentCompletionAsync();
        var answers = completion.Answers.ToDictionary(a => a.Key, a => a.Value.AnswerJson);
        var metrics = CompletionMetrics.Compute(definition.Questions, answers);
        return new ChecklistForUser(
            definition, Status(completion), completion.Answers.ToDictionary(a => a.Key, a => AnswerView(a.Key, a.Value)),
            metrics.VisibleQuestionIds);
    }

    public async Task<CompletionStatus> GetCompletionStatusAsync(Caller caller)
    {
        await EnsureCanReadAnswersAsync(caller);
        var (completion, _) = await CurrentCompletionAsync();
        return Status(completion);
    }

    public async Task<SubmitResult> SubmitAnswersAsync(Caller caller, IReadOnlyList<SubmittedAnswer> answers)
    {
        await EnsureCanWriteAnswersAsync(caller);
        var (completion, definition) = await CurrentCompletionAsync();
        var outcome = SubmissionValidation.Validate(definition.Questions, answers, FrozenSet<Guid>.Empty, mimeSniffer.Sniff);
        // Only an item naming a question outside the checklist needs to know whether another checklist has it.
        if (outcome.FailureTypes?.Contains(SubmissionValidation.FailureTypes.UnknownQuestion) == true
            && await QuestionsOfOtherChecklistsAsync(definition, answers) is { Count: > 0 } foreign)
            outcome = SubmissionValidation.Validate(definition.Questions, answers, foreign, mimeSniffer.Sniff);
        if (outcome.Errors is { } errors)
        {
            ComplianceMetrics.SubmissionRejected(outcome.FailureTypes!);
            return new SubmitResult(errors, null);
        }
        ComplianceMetrics.SubmissionAccepted();
        if (outcome.Accepted!.Count == 0) return new SubmitResult(null, Status(completion));
        var accepted = await StoreFilesAsync(outcome.Accepted);

        var now = Now;
        var userName = await UserNameAsync(caller.UserId);
        var entries = new List<HistoryEntry>(accepted.Count);
        var changed = false;
        foreach (var answer in accepted)
        {
            changed |= Apply(completion, answer, caller.UserId, userName, now);
            entries.Add(new HistoryEntry(
                Id, completion.Id, answer.Question.Id, answer.Question.Definition.Description, answer.AnswerJson,
                caller.UserId, userName, now, ++S.HistorySequence));
        }
        if (changed) ClearReview(completion);
        completion.Modified = now;
        Recompute(completion, definition);
        // A submission that leaves the answers complete confirms them, changed or not.
        if (completion.IsCompleted) completion.AttestedAt = now;
        S.UnappendedHistory.AddRange(entries);
        // A change that leaves answers needing review asks the provider for one (the review was just cleared).
        await SaveAndPublishAsync(changed && completion.RequiresReview ? [ComplianceEventTypes.ReviewRequired] : []);
        return new SubmitResult(null, Status(completion));
    }

    public async Task<StoredFile> GetFileAsync(Caller caller, string storedFileId)
    {
        await EnsureCanReadAnswersAsync(caller);
        var referenced = S.Completions.SelectMany(c => c.Answers.Values).Any(a => FileAnswerValidation.References(a.AnswerJson, storedFileId));
        return (referenced ? await files.GetAsync(Id, storedFileId) : null) ?? throw new NotFoundException();
    }

    /// <summary>Stores the bytes of file answers; their answers keep the stored files' descriptions instead.</summary>
    private async Task<IReadOnlyList<AcceptedAnswer>> StoreFilesAsync(IReadOnlyList<AcceptedAnswer> accepted)
    {
        var result = new List<AcceptedAnswer>(accepted.Count);
        foreach (var answer in accepted)
        {
            if (answer.Files is not { } uploads)
            {
                result.Add(answer);
                continue;
            }
            var stored = new List<(FileUpload, string)>(uploads.Count);
            foreach (var upload in uploads)
                stored.Add((upload, await files.SaveAsync(Id, new StoredFile(upload.Name, upload.MimeType, upload.Content))));
            result.Add(answer with { AnswerJson = FileAnswerValidation.StoredAnswerJson(answer.Question, stored), Files = null });
        }
        return result;
    }

    public async Task<Page<HistoryEntry>> GetHistoryAsync(Caller caller, PageRequest page)
    {
        await EnsureCanReadAnswersAsync(caller);
        await CurrentCompletionAsync();
        // Every stored submission is listed, or the read fails: entries whose append is still being retried go first.
        await Outbox.AppendHistoryAsync();
        return await history.ListAsync(Id, page);
    }

    public async Task SyncComplianceAsync(ComplianceTarget target)
    {
        if (!S.Exists) return;
        await SyncAsync(target, forceSave: false);
    }

    public async Task<CompletionStatus> AttestAsync(Caller caller)
    {
        await EnsureCanWriteAnswersAsync(caller);
        var (completion, _) = await CurrentCompletionAsync();
        if (!completion.IsCompleted) throw ValidationException.General("The checklist is not complete: answer every required question first.");
        completion.AttestedAt = Now;
        completion.Modified = completion.AttestedAt.Value;
        await SaveAndPublishAsync();
        return Status(completion);
    }

    public async Task<bool> EvaluateAsync(ComplianceTarget target, bool remindNow)
    {
        if (!S.Exists) return false;
        await SyncAsync(target, forceSave: false);
        if (Current is not { } completion) return false;
        var deadlines = DeadlinesOf(completion);
        // Time alone moved the completion (overdue, expired): stored and published like any other change.
        if (deadlines.IsCompleted != completion.StoredAsCompleted || deadlines.IsOverdue != completion.StoredAsOverdue)
            await SaveAndPublishAsync();
        if (deadlines.IsCompleted || S.UserEmail.Length == 0 || !mailer.IsOn) return false;
        var reminder = ComplianceMessages.Reminder(S.UserEmail, S.OfferingName, deadlines.DueDate, mailer.ChecklistLink(Id));
        if (remindNow) return await mailer.SendAsync(reminder);
        var sameDueDate = completion.ReminderDueDate == deadlines.DueDate;
        if (ReminderSchedule.Owed(S.Policy, deadlines, Now, sameDueDate ? completion.LastReminderFor : null,
                sameDueDate ? completion.RemindersSent : 0) is not { } scheduled)
            return false;
        // Remembered before it is sent: a crash between the two loses this reminder rather than sending it twice.
        completion.RemindersSent = sameDueDate ? completion.RemindersSent + 1 : 1;
        completion.ReminderDueDate = deadlines.DueDate;
        completion.LastReminderFor = scheduled;
        await state.WriteStateAsync();
        return await mailer.SendAsync(reminder);
    }

    public Task<ChecklistEditImpact> PreviewChecklistEditAsync(ChecklistDefinition current, ChecklistDefinition proposed)
    {
        if (!S.Exists || Current is not { } completion || completion.ChecklistId != current.ChecklistId)
            return Task.FromResult(ChecklistEditImpact.None);
        var answers = completion.Answers.ToDictionary(a => a.Key, a => a.Value.AnswerJson);
        if (!ChecklistEditEffects.BecomesIncomplete(current.Questions, proposed.Questions, answers))
            return Task.FromResult(ChecklistEditImpact.None with { ReEvaluated = 1 });
        var name = S.UserFullName.Length > 0 ? S.UserFullName : S.UserUsername;
        return Task.FromResult(new ChecklistEditImpact(0, 1, 1, [new ImpactedCompletion(Id, S.OfferingId, S.OfferingName, name)]));
    }

    private static bool Apply(CompletionState completion, AcceptedAnswer accepted, Guid userId, string userName, DateTime now)
    {
        var questionId = accepted.Question.Id;
        if (accepted.AnswerJson is null) return completion.Answers.Remove(questionId);
        if (completion.Answers.TryGetValue(questionId, out var existing))
        {
            var changed = existing.AnswerJson != accepted.AnswerJson;
            existing.AnswerJson = accepted.AnswerJson;
            existing.UserId = userId;
            existing.UserName = userName;
            existing.Modified = now;
            return changed;
        }
        completion.Answers[questionId] = new AnswerState
        {
            Id = Guid.NewGuid(), AnswerJson = accepted.AnswerJson, UserId = userId, UserName = userName, Created = now, Modified = now,
        };
        return true;
    }

    private static void ClearReview(CompletionState completion)
    {
        completion.ReviewedBy = null;
        completion.ReviewedByName = null;
        completion.ReviewedAt = null;
        completion.ReviewNotes = "";
    }

    /// <summary>The current completion, created on first access if the lifecycle job has not reached this user yet.</summary>
    private async Task<(CompletionState Completion, ChecklistDefinition Definition)> CurrentCompletionAsync()
    {
        var target = await TargetAsync();
        if (target.ChecklistId is null) throw ValidationException.General(NoChecklist);
        await SyncAsync(target, forceSave: false);
        var completion = Current ?? throw ValidationException.General(NoChecklist);
        var definition = await definitions.GetAsync(completion.ChecklistId, completion.ChecklistVersion)
            ?? throw ValidationException.General(NoChecklist);
        return (completion, definition);
    }

    private Task<ComplianceTarget> TargetAsync() => GrainFactory.GetGrain<IOfferingGrain>(S.OfferingId).GetComplianceTargetAsync();

    private async Task SyncAsync(ComplianceTarget target, bool forceSave)
    {
        var changed = forceSave;
        var now = Now;
        if (target.PolicyVersion > S.PolicyVersion && target.Policy is { } policy)
        {
            S.Policy = policy;
            S.PolicyVersion = target.PolicyVersion;
            changed = true;
        }
        foreach (var stale in S.Completions.Where(c => !c.Archived && c.ChecklistId != target.ChecklistId))
        {
            stale.Archived = true;
            stale.Modified = now;
            changed = true;
        }
        if (S.HasComplianceChecklist != target.ChecklistId is not null)
        {
            S.HasComplianceChecklist = target.ChecklistId is not null;
            changed = true;
        }
        if (target.ChecklistId is { } checklistId
            && await definitions.GetAsync(checklistId, target.ChecklistVersion) is { } definition)
        {
            var completion = Current;
            if (completion is null)
            {
                completion = new CompletionState { Id = Guid.NewGuid(), ChecklistId = checklistId, Created = now, Modified = now };
                S.Completions.Add(completion);
                changed = true;
            }
            if (completion.ChecklistVersion < definition.Version)
            {
                Recompute(completion, definition);
                changed = true;
            }
        }
        if (changed) await SaveAndPublishAsync();
    }

    private static void Recompute(CompletionState completion, ChecklistDefinition definition)
    {
        var metrics = CompletionMetrics.Compute(
            definition.Questions, completion.Answers.ToDictionary(a => a.Key, a => a.Value.AnswerJson));
        completion.ChecklistVersion = definition.Version;
        completion.ChecklistName = definition.Name;
        completion.ChecklistDescription = definition.Description;
        ComplianceMetrics.CompletionChanged(completion.IsCompleted, metrics.IsCompleted);
        completion.IsCompleted = metrics.IsCompleted;
        completion.CompletionPercentage = metrics.CompletionPercentage;
        completion.UnansweredRequiredIds = metrics.UnansweredRequired.Select(q => q.Id).ToList();
        completion.LegacyUnansweredRequired = null;
        completion.RequiresReview = metrics.RequiresReview;
    }

    private async Task<IReadOnlySet<Guid>> QuestionsOfOtherChecklistsAsync(ChecklistDefinition definition, IReadOnlyList<SubmittedAnswer> answers)
    {
        var own = definition.Questions.Select(q => q.Id).ToHashSet();
        var unknown = answers
            .Where(a => a.ParseErrors is null or { Count: 0 } && a.QuestionId is { } id && !own.Contains(id))
            .Select(a => a.QuestionId!.Value)
            .Distinct()
            .ToList();
        var located = await Task.WhenAll(unknown.Select(async id =>
            (Id: id, Checklist: await GrainFactory.GetGrain<IChecklistItemLocatorGrain>(id).GetChecklistIdAsync())));
        return located.Where(l => l.Checklist is not null).Select(l => l.Id).ToHashSet();
    }

    private async Task<string> UserNameAsync(Guid userId)
    {
        if (_userNames?.TryGetValue(userId, out var cached) == true) return cached;
        var user = await GrainFactory.GetGrain<IUserGrain>(userId).GetAsync(Caller.System);
        return (_userNames ??= [])[userId] = TextRules.Repair(user.FullName.Length > 0 ? user.FullName : user.Username);
    }

    /// <summary>
    /// Persists the state, history entries of a submission included, then delivers the snapshot, entries and events
    /// (those the storage did not commit with the state): a submission is stored whole or not at all, whatever fails
    /// after its write.
    /// </summary>
    private async Task SaveAndPublishAsync(params string[] causedEvents)
    {
        var recorded = Current is { } completion ? RecordEvents(completion, causedEvents) : [];
        var askForReview = recorded.Contains(ComplianceEventTypes.ReviewRequired) && !Current!.ReviewRequestSent;
        if (askForReview) Current!.ReviewRequestSent = true;
        S.Version++;
        await Outbox.StoreAsync(state.WriteStateAsync, Snapshot());
        await NotifyAsync(recorded, askForReview);
    }

    /// <summary>The e-mails of a stored change: overdue and expired notices to the user, a review request to the provider.</summary>
    private async Task NotifyAsync(IReadOnlyList<string> recorded, bool askForReview)
    {
        if (!mailer.IsOn) return;
        try
        {
            var link = mailer.ChecklistLink(Id);
            if (S.UserEmail.Length > 0 && recorded.Contains(ComplianceEventTypes.Overdue))
                await mailer.SendAsync(ComplianceMessages.Overdue(S.UserEmail, S.OfferingName, link));
            if (S.UserEmail.Length > 0 && recorded.Contains(ComplianceEventTypes.Expired))
                await mailer.SendAsync(ComplianceMessages.Expired(S.UserEmail, S.OfferingName, link));
            if (askForReview)
            {
                var customer = await Customer.GetAsync(Caller.System);
                var reviewers = customer.Members.Where(m => m.Value is CustomerRole.Owner or CustomerRole.Manager).Select(m => m.Key);
                foreach (var reviewer in await Task.WhenAll(reviewers.Select(id => GrainFactory.GetGrain<IUserGrain>(id).GetAsync(Caller.System))))
                    if (reviewer.Email.Length > 0)
                        await mailer.SendAsync(ComplianceMessages.ReviewRequired(reviewer.Email, S.OfferingName, S.UserFullName, link));
            }
        }
        catch (Exception e)
        {
            // The change is stored; a notice that cannot be sent must not fail it.
            logger.LogWarning(e, "Notifying about offering user {Id} failed", Id);
        }
    }

    /// <summary>
    /// Records the events of the change about to be stored, in the state itself, so that they are stored with it: a
    /// crash can delay them, never lose or invent one. A completion stored before events existed starts counting
    /// from how it stands now.
    /// </summary>
    private List<string> RecordEvents(CompletionState completion, IReadOnlyList<string> causedEvents)
    {
        var deadlines = DeadlinesOf(completion);
        var types = completion.TransitionsTracked
            ? CompletionTransitions.Between(completion.StoredAsCompleted, completion.StoredAsOverdue, deadlines).Concat(causedEvents)
            : causedEvents;
        completion.TransitionsTracked = true;
        completion.StoredAsCompleted = deadlines.IsCompleted;
        completion.StoredAsOverdue = deadlines.IsOverdue;
        var now = Now;
        var status = new EventCompletion(deadlines.IsCompleted, completion.CompletionPercentage, deadlines.DueDate, deadlines.IsOverdue, deadlines.ExpiresAt);
        var recorded = types.ToList();
        foreach (var type in recorded)
            S.UnsentEvents.Add(new ComplianceEvent(Guid.NewGuid(), type, now, S.ServiceProviderId, S.OfferingId, Id, S.UserId, status));
        return recorded;
    }

    private async Task EnsureVisibleAsync(Caller caller)
    {
        if (!S.Exists) throw new NotFoundException();
        if (caller.CanReadEverything || caller.UserId == S.UserId) return;
        if (!caller.IsAuthenticated || !await Customer.IsMemberAsync(caller)) throw new NotFoundException();
    }

    private async Task EnsureCanManageAsync(Caller caller)
    {
        await EnsureVisibleAsync(caller);
        if (!await Customer.HasPermissionAsync(caller, Permission.OfferingUpdateUser)) throw new PermissionDeniedException();
    }

    private async Task EnsureCanReadAnswersAsync(Caller caller)
    {
        await EnsureVisibleAsync(caller);
        if (caller.CanReadEverything || caller.UserId == S.UserId) return;
        if (!await Customer.HasPermissionAsync(caller, Permission.OfferingUpdateUser)) throw new PermissionDeniedException();
    }

    private async Task EnsureCanWriteAnswersAsync(Caller caller)
    {
        await EnsureVisibleAsync(caller);
        if (caller.IsStaff || caller.UserId == S.UserId) return;
        if (!await Customer.HasPermissionAsync(caller, Permission.OfferingUpdateUser)) throw new PermissionDeniedException();
    }

    /// <summary>Reviewers are staff, support (reading only) and OFFERING.UPDATE_USER holders, never the user themself.</summary>
    private async Task EnsureCanReviewAsync(Caller caller, bool write)
    {
        await EnsureVisibleAsync(caller);
        if (caller.IsStaff) return;
        if (caller.UserId == S.UserId) throw new PermissionDeniedException();
        if (caller.IsSupport && !write) return;
        if (!await Customer.HasPermissionAsync(caller, Permission.OfferingUpdateUser)) throw new PermissionDeniedException();
    }

    private ICustomerGrain Customer => GrainFactory.GetGrain<ICustomerGrain>(S.CustomerId);

    private OfferingUserView View() => new(
        Id, S.OfferingId, S.OfferingName, S.CustomerId, S.ServiceProviderId, S.UserId, S.UserUsername, S.UserFullName,
        S.UserEmail, S.Username, S.State,
        ComplianceDeadlines.IsRestricted(S.Policy, Current is { } completion ? DeadlinesOf(completion) : null, S.IsRestricted),
        S.HasComplianceChecklist, S.Created, S.Modified);

    /// <summary>The completion against the policy and the clock now; completions stored before kept no attestation time.</summary>
    private Deadlines DeadlinesOf(CompletionState c) =>
        ComplianceDeadlines.Evaluate(S.Policy, c.Created, c.IsCompleted, c.AttestedAt ?? (c.IsCompleted ? c.Modified : null), Now);

    private OfferingUserSnapshot Snapshot() =>
        new(View(), S.CustomerName, Current is { } completion ? Status(completion) : null, S.Version, Deleted: false);

    private CompletionStatus Status(CompletionState c)
    {
        var d = DeadlinesOf(c);
        return new CompletionStatus(
            c.Id, c.ChecklistId, c.ChecklistName, c.ChecklistDescription, d.IsCompleted, c.CompletionPercentage,
            UnansweredQuestions(c), c.RequiresReview, c.ReviewedBy, c.ReviewedByName, c.ReviewedAt, c.ReviewNotes, c.Created,
            c.Modified, d.DueDate, d.IsOverdue, d.AttestedAt, d.ExpiresAt);
    }

    /// <summary>
    /// The blocking questions with their current descriptions, as the silo's shared question views (a snapshot held by
    /// the in-memory projection keeps references, not copies).
    /// </summary>
    private UnansweredQuestion[] UnansweredQuestions(CompletionState c) =>
        c.UnansweredRequiredQuestionIds()
            .Select(id => definitions.QuestionView(id)
                ?? c.LegacyUnansweredRequired?.Find(q => q.Id == id)
                ?? new UnansweredQuestion(id, "", ""))
            .ToArray();

    private static AnswerView AnswerView(Guid questionId, AnswerState a) =>
        new(a.Id, questionId, a.AnswerJson, a.UserId, a.UserName, a.Created, a.Modified);
}

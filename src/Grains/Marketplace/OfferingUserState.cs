namespace ComplianceGrains.Marketplace;

[GenerateSerializer]
public sealed class OfferingUserState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public Guid OfferingId { get; set; }
    [Id(2)] public string OfferingName { get; set; } = "";
    [Id(3)] public Guid CustomerId { get; set; }
    [Id(4)] public Guid ServiceProviderId { get; set; }
    [Id(5)] public Guid UserId { get; set; }
    [Id(6)] public string UserUsername { get; set; } = "";
    [Id(7)] public string UserFullName { get; set; } = "";
    [Id(8)] public string UserEmail { get; set; } = "";
    [Id(9)] public string Username { get; set; } = "";
    [Id(10)] public string State { get; set; } = OfferingUserStates.Ok;
    [Id(11)] public bool IsRestricted { get; set; }
    [Id(12)] public DateTime Created { get; set; }
    [Id(13)] public DateTime Modified { get; set; }
    /// <summary>Grows with every change; consumers of snapshots keep only the newest.</summary>
    [Id(14)] public long Version { get; set; }
    [Id(15)] public string CustomerName { get; set; } = "";
    [Id(16)] public bool HasComplianceChecklist { get; set; }
    /// <summary>The current completion (at most one) and the archived ones.</summary>
    [Id(17)] public List<CompletionState> Completions { get; set; } = [];
    [Id(18)] public long HistorySequence { get; set; }
    /// <summary>
    /// History entries written with the state and not yet confirmed by the history store, so that a submission's
    /// history survives a failure between the state write and the append.
    /// </summary>
    [Id(19)] public List<Compliance.HistoryEntry> UnappendedHistory { get; set; } = [];
    /// <summary>The offering's compliance policy as of <see cref="PolicyVersion"/>.</summary>
    [Id(20)] public Compliance.CompliancePolicy Policy { get; set; } = Compliance.CompliancePolicy.None;
    [Id(21)] public long PolicyVersion { get; set; }
    /// <summary>Events written with the state and not yet confirmed by the event store (an outbox, like the history).</summary>
    [Id(22)] public List<Compliance.ComplianceEvent> UnsentEvents { get; set; } = [];
}

[GenerateSerializer]
public sealed class CompletionState
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public Guid ChecklistId { get; set; }
    [Id(2)] public bool Archived { get; set; }
    /// <summary>The checklist version the metrics below were computed against.</summary>
    [Id(3)] public long ChecklistVersion { get; set; }
    [Id(4)] public string ChecklistName { get; set; } = "";
    [Id(5)] public string ChecklistDescription { get; set; } = "";
    [Id(6)] public Dictionary<Guid, AnswerState> Answers { get; set; } = [];
    [Id(7)] public bool IsCompleted { get; set; }
    [Id(8)] public double CompletionPercentage { get; set; }
    /// <summary>
    /// States stored before <see cref="UnansweredRequiredIds"/> kept the blocking questions here, each with a copy of its
    /// description; still read (as ids) until the completion is next recomputed, which clears it. Never written again.
    /// </summary>
    [Id(9)] public List<Compliance.UnansweredQuestion>? LegacyUnansweredRequired { get; set; }
    [Id(10)] public bool RequiresReview { get; set; }
    [Id(11)] public Guid? ReviewedBy { get; set; }
    [Id(12)] public string? ReviewedByName { get; set; }
    [Id(13)] public DateTime? ReviewedAt { get; set; }
    [Id(14)] public string ReviewNotes { get; set; } = "";
    [Id(15)] public DateTime Created { get; set; }
    [Id(16)] public DateTime Modified { get; set; }
    /// <summary>
    /// The required questions that block completion, by id: their descriptions are rendered from the silo's checklist
    /// definition cache (<see cref="Compliance.ChecklistDefinitionCache.QuestionView"/>), not copied into every state.
    /// </summary>
    [Id(17)] public List<Guid> UnansweredRequiredIds { get; set; } = [];
    /// <summary>When the answers were last confirmed complete (a completing submission or attest/).</summary>
    [Id(18)] public DateTime? AttestedAt { get; set; }
    /// <summary>Whether the completion counted as completed, and as overdue, when the state was last stored.</summary>
    [Id(19)] public bool StoredAsCompleted { get; set; }
    [Id(20)] public bool StoredAsOverdue { get; set; }
    /// <summary>False for a completion stored before events existed: its first write records no transition.</summary>
    [Id(21)] public bool TransitionsTracked { get; set; }
    /// <summary>The due date the scheduled reminders below were sent for; a new due date starts a new count.</summary>
    [Id(22)] public DateTime? ReminderDueDate { get; set; }
    /// <summary>The scheduled instant of the last reminder sent, so that each scheduled reminder goes out once.</summary>
    [Id(23)] public DateTime? LastReminderFor { get; set; }
    [Id(24)] public int RemindersSent { get; set; }
    /// <summary>Whether the provider was asked for a review since the last one (one message until it is reviewed).</summary>
    [Id(25)] public bool ReviewRequestSent { get; set; }

    /// <summary>The blocking questions' ids, from <see cref="LegacyUnansweredRequired"/> for a state not recomputed since.</summary>
    public IEnumerable<Guid> UnansweredRequiredQuestionIds() =>
        UnansweredRequiredIds.Count == 0 && LegacyUnansweredRequired is { Count: > 0 } legacy
            ? legacy.Select(q => q.Id)
            : UnansweredRequiredIds;
}

[GenerateSerializer]
public sealed class AnswerState
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string AnswerJson { get; set; } = "null";
    [Id(2)] public Guid UserId { get; set; }
    [Id(3)] public string UserName { get; set; } = "";
    [Id(4)] public DateTime Created { get; set; }
    [Id(5)] public DateTime Modified { get; set; }
}

using System.Globalization;
using System.Text.Json;
using ComplianceGrains.Compliance;

namespace ComplianceGrains.WebApi.Contracts;

public sealed record UnansweredQuestionResponse(Guid Uuid, string Description, string QuestionType);

public record CompletionStatusResponse(
    Guid Uuid, bool IsCompleted, double CompletionPercentage, IReadOnlyList<UnansweredQuestionResponse> UnansweredRequiredQuestions,
    string ChecklistName, string ChecklistDescription, DateTime Created, DateTime Modified, DateTime? DueDate, bool IsOverdue,
    DateTime? AttestedAt, DateTime? ExpiresAt)
{
    public static CompletionStatusResponse From(CompletionStatus c) => new(
        c.Id, c.IsCompleted, c.CompletionPercentage,
        c.UnansweredRequiredQuestions.Select(q => new UnansweredQuestionResponse(q.Id, q.Description, q.QuestionType)).ToList(),
        c.ChecklistName, c.ChecklistDescription, c.Created, c.Modified, c.DueDate, c.IsOverdue, c.AttestedAt, c.ExpiresAt);
}

/// <summary>API.md §10 compliance_policy/.</summary>
public sealed record CompliancePolicyResponse(
    int? DueDays, int? ReattestDays, IReadOnlyList<int> ReminderDaysBeforeDue, int? ReminderEveryDaysOverdue, int? MaxReminders,
    bool RestrictUntilCompliant)
{
    public static CompliancePolicyResponse From(CompliancePolicy p) => new(
        p.DueDays, p.ReattestDays, p.ReminderDaysBeforeDue, p.ReminderEveryDaysOverdue, p.MaxReminders, p.RestrictUntilCompliant);
}

public sealed record ChecklistSummaryResponse(Guid Uuid, string Name, string Description, string ChecklistType);

public sealed record UserOptionResponse(Guid Uuid, string Label, int Order);

public sealed record ExistingAnswerResponse(
    Guid Uuid, JsonElement AnswerData, Guid User, string UserName, string QuestionDescription, string QuestionType,
    bool QuestionRequired, bool RequiresReview, DateTime Created, DateTime Modified);

public sealed record DependencyConditionResponse(string QuestionDescription, string Operator, JsonElement RequiredValue);

public sealed record DependenciesInfoResponse(string Logic, IReadOnlyList<DependencyConditionResponse> Conditions);

public record UserQuestionResponse(
    Guid Uuid, string Description, string QuestionType, bool Required, int Order, string? UserGuidance,
    ExistingAnswerResponse? ExistingAnswer, IReadOnlyList<UserOptionResponse> QuestionOptions, string? MinValue, string? MaxValue,
    IReadOnlyList<string> AllowedFileTypes, IReadOnlyList<string> AllowedMimeTypes, int? MaxFileSizeMb, int? MaxFilesCount,
    int? LikertScaleLength, string LikertLowLabel, string LikertHighLabel, bool LikertAllowNa, int? RichTextCharLimit,
    string RichTextToolbarLevel, DependenciesInfoResponse? DependenciesInfo);

public sealed record UserChecklistResponse(
    ChecklistSummaryResponse Checklist, CompletionStatusResponse Completion, IReadOnlyList<UserQuestionResponse> Questions);

/// <summary>A question as a future offering user sees it before answering (Waldur's <c>Question</c>).</summary>
public sealed record TemplateQuestionResponse(
    Guid Uuid, string Description, string QuestionType, bool Required, int Order, string UserGuidance,
    IReadOnlyList<UserOptionResponse> QuestionOptions, string? MinValue, string? MaxValue, IReadOnlyList<string> AllowedFileTypes,
    IReadOnlyList<string> AllowedMimeTypes, int? MaxFileSizeMb, int? MaxFilesCount, int? LikertScaleLength, string LikertLowLabel,
    string LikertHighLabel, bool LikertAllowNa, int? RichTextCharLimit, string RichTextToolbarLevel, string DependencyLogicOperator,
    DependenciesInfoResponse? DependenciesInfo);

/// <summary>The body of <c>checklist-template/</c> (Waldur's <c>ChecklistTemplate</c>).</summary>
public sealed record ChecklistTemplateResponse(
    ChecklistSummaryResponse Checklist, IReadOnlyList<TemplateQuestionResponse> Questions,
    IReadOnlyList<TemplateQuestionResponse> InitialVisibleQuestions);

public sealed record AnswerItemRequest(Guid QuestionUuid, JsonElement? AnswerData);

public sealed record SubmitAnswersResponse(string Detail, CompletionStatusResponse Completion);

public sealed record HistoryEntryResponse(
    Guid QuestionUuid, string QuestionDescription, JsonElement? AnswerData, Guid User, string UserName, DateTime Submitted)
{
    public static HistoryEntryResponse From(HistoryEntry e) => new(
        e.QuestionId, e.QuestionDescription, e.AnswerJson is null ? null : JsonDocument.Parse(e.AnswerJson).RootElement.Clone(),
        e.UserId, e.UserName, e.Submitted);
}

public sealed record UpdateComplianceChecklistRequest(Guid? ComplianceChecklist);

public sealed record ComplianceSyncResponse(
    string State, Guid? Checklist, int Total, int Processed, DateTime? Started, DateTime? Finished, string? Error)
{
    public static ComplianceSyncResponse From(ComplianceSyncStatus s) =>
        new(s.State, s.Checklist, s.Total, s.Processed, s.Started, s.Finished, s.Error);
}

public sealed record UpdateComplianceChecklistResponse(string Detail, Guid? ComplianceChecklist, ComplianceSyncResponse Sync);

public sealed record ComplianceOverviewResponse(
    Guid OfferingUuid, string OfferingName, string? ChecklistName, int TotalUsers, int UsersWithCompletions, int CompletedUsers,
    int PendingUsers, double ComplianceRate, int OverdueUsers, int ExpiringUsers)
{
    public static ComplianceOverviewResponse From(OfferingComplianceOverview o) => new(
        o.OfferingId, o.OfferingName, o.ChecklistName, o.TotalUsers, o.UsersWithCompletions, o.CompletedUsers, o.PendingUsers,
        o.ComplianceRate, o.OverdueUsers, o.ExpiringUsers);
}

public sealed record ProviderOfferingUserResponse(
    Guid Uuid, string UserFullName, string UserEmail, string OfferingName, string? ChecklistName, string Username, int State,
    double? CompletionPercentage, string ComplianceStatus, DateTime? LastUpdated, DateTime Created);

public sealed record ChecklistUsageResponse(Guid ChecklistUuid, string ChecklistName, int QuestionsCount, int OfferingsCount)
{
    public static ChecklistUsageResponse From(ChecklistUsage u) => new(u.ChecklistId, u.ChecklistName, u.QuestionsCount, u.OfferingsCount);
}

public sealed record CompletionOfferingUserResponse(
    Guid Uuid, string Username, string UserFullName, string UserEmail, string State, bool IsRestricted);

public sealed record CompletionResponse(
    Guid Uuid, Guid OfferingUserUuid, string OfferingName, Guid OfferingUuid, Guid CustomerProviderUuid, string CustomerProviderName,
    Guid ChecklistUuid, string ChecklistName, string ChecklistDescription, bool IsCompleted, double CompletionPercentage,
    int UnansweredRequiredQuestions, bool RequiresReview, Guid? ReviewedBy, DateTime? ReviewedAt, string ReviewNotes,
    DateTime Created, DateTime Modified, CompletionOfferingUserResponse OfferingUser, DateTime? DueDate, bool IsOverdue,
    DateTime? AttestedAt, DateTime? ExpiresAt)
{
    public static CompletionResponse From(OfferingUserSnapshot row)
    {
        var u = row.OfferingUser;
        var c = row.Completion!;
        return new CompletionResponse(
            c.Id, u.Id, u.OfferingName, u.OfferingId, u.CustomerId, row.CustomerName, c.ChecklistId, c.ChecklistName,
            c.ChecklistDescription, c.IsCompleted, c.CompletionPercentage, c.UnansweredRequiredQuestions.Count, c.RequiresReview,
            c.ReviewedBy, c.ReviewedAt, c.ReviewNotes, c.Created, c.Modified,
            new CompletionOfferingUserResponse(u.Id, u.Username, u.UserFullName, u.UserEmail, u.State, u.IsRestricted),
            c.DueDate, c.IsOverdue, c.AttestedAt, c.ExpiresAt);
    }
}

public sealed record EventCompletionResponse(
    bool IsCompleted, double CompletionPercentage, DateTime? DueDate, bool IsOverdue, DateTime? ExpiresAt);

/// <summary>An event as events/ lists it and as a webhook delivery carries it in <c>data</c> (API.md §10).</summary>
public sealed record ComplianceEventResponse(
    Guid Uuid, string Type, DateTime Created, Guid OfferingUuid, Guid? OfferingUserUuid, Guid? UserUuid,
    EventCompletionResponse? Completion)
{
    public static ComplianceEventResponse From(ComplianceEvent e) => new(
        e.Id, e.Type, e.Created, e.OfferingId, e.OfferingUserId, e.UserId,
        e.Completion is { } c ? new EventCompletionResponse(c.IsCompleted, c.CompletionPercentage, c.DueDate, c.IsOverdue, c.ExpiresAt) : null);
}

public sealed record RemindResponse(int Queued);

internal static class DecimalText
{
    /// <summary>Decimals as Django REST Framework writes them: strings with four places.</summary>
    public static string? Format(decimal? value) => value?.ToString("F4", CultureInfo.InvariantCulture);
}

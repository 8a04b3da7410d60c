using System.Text.Json;

namespace ComplianceGrains.WebApi.Contracts;

/// <summary>A question as the reviewer sees it: the user's view plus its review settings.</summary>
public sealed record ReviewerQuestionResponse : UserQuestionResponse
{
    public ReviewerQuestionResponse(UserQuestionResponse question, string @operator, JsonElement? reviewAnswerValue, bool alwaysRequiresReview)
        : base(question)
    {
        Operator = @operator;
        ReviewAnswerValue = reviewAnswerValue;
        AlwaysRequiresReview = alwaysRequiresReview;
    }

    /// <summary>Blank when the question has no review rule (Waldur's schema: a blank or an operator, never null).</summary>
    public string Operator { get; init; }

    public JsonElement? ReviewAnswerValue { get; init; }

    public bool AlwaysRequiresReview { get; init; }
}

/// <summary>An answer that made its completion require review.</summary>
public sealed record ReviewTriggerResponse(string Question, JsonElement Answer, JsonElement? TriggerValue, string Operator);

/// <summary>A completion's status with its review state (API.md §4 CompletionReview).</summary>
public sealed record CompletionReviewResponse : CompletionStatusResponse
{
    public CompletionReviewResponse(
        CompletionStatusResponse status, bool requiresReview, Guid? reviewedBy, string reviewedByName, DateTime? reviewedAt,
        string reviewNotes, IReadOnlyList<ReviewTriggerResponse> reviewTriggerSummary)
        : base(status)
    {
        RequiresReview = requiresReview;
        ReviewedBy = reviewedBy;
        ReviewedByName = reviewedByName;
        ReviewedAt = reviewedAt;
        ReviewNotes = reviewNotes;
        ReviewTriggerSummary = reviewTriggerSummary;
    }

    public bool RequiresReview { get; init; }

    public Guid? ReviewedBy { get; init; }

    /// <summary>Blank while unreviewed.</summary>
    public string ReviewedByName { get; init; }

    public DateTime? ReviewedAt { get; init; }

    public string ReviewNotes { get; init; }

    public IReadOnlyList<ReviewTriggerResponse> ReviewTriggerSummary { get; init; }
}

public sealed record ChecklistReviewResponse(
    ChecklistSummaryResponse Checklist, CompletionReviewResponse Completion, IReadOnlyList<ReviewerQuestionResponse> Questions);

public sealed record ReviewRequest(string? ReviewNotes);

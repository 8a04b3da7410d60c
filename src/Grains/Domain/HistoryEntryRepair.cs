using ComplianceGrains.Compliance;

namespace ComplianceGrains.Domain;

/// <summary>
/// A history entry whose text breaks <see cref="TextRules"/> (stored before the rule, or refused by a store) is kept as a
/// rejected entry: its texts repaired, its answer replaced by <see cref="TextRules.PlaceholderJson"/>, so that it can be
/// stored and listed instead of failing every append and every read.
/// </summary>
public static class HistoryEntryRepair
{
    public static bool NeedsRepair(HistoryEntry entry) =>
        TextRules.Problem(entry.QuestionDescription) is not null || TextRules.Problem(entry.UserName) is not null
        || TextRules.JsonProblem(entry.AnswerJson) is not null;

    public static HistoryEntry Repaired(HistoryEntry entry) => entry with
    {
        QuestionDescription = TextRules.Repair(entry.QuestionDescription),
        UserName = TextRules.Repair(entry.UserName),
        AnswerJson = entry.AnswerJson is null ? null : TextRules.RepairJson(entry.AnswerJson),
    };
}

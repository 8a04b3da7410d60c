using ComplianceGrains.Domain;

namespace ComplianceGrains.Marketplace;

/// <summary>
/// Repairs an offering user's stored state whose text breaks <see cref="TextRules"/> (stored before the rule existed):
/// such a value fails every read that serializes it, and every store that refuses it, for ever.
/// </summary>
public static class OfferingUserTextRepair
{
    /// <summary>Repairs the state in place; returns how many values were replaced.</summary>
    public static int Repair(OfferingUserState s)
    {
        var repaired = 0;
        string Text(string value)
        {
            var fixedValue = TextRules.Repair(value);
            if (!ReferenceEquals(fixedValue, value)) repaired++;
            return fixedValue;
        }

        s.OfferingName = Text(s.OfferingName);
        s.CustomerName = Text(s.CustomerName);
        s.UserUsername = Text(s.UserUsername);
        s.UserFullName = Text(s.UserFullName);
        s.UserEmail = Text(s.UserEmail);
        s.Username = Text(s.Username);
        s.State = Text(s.State);
        foreach (var completion in s.Completions)
        {
            completion.ChecklistName = Text(completion.ChecklistName);
            completion.ChecklistDescription = Text(completion.ChecklistDescription);
            completion.ReviewNotes = Text(completion.ReviewNotes);
            if (completion.ReviewedByName is { } reviewer) completion.ReviewedByName = Text(reviewer);
            foreach (var answer in completion.Answers.Values)
            {
                answer.UserName = Text(answer.UserName);
                if (TextRules.JsonProblem(answer.AnswerJson) is null) continue;
                answer.AnswerJson = TextRules.PlaceholderJson;
                repaired++;
            }
        }
        for (var i = 0; i < s.UnappendedHistory.Count; i++)
        {
            if (!HistoryEntryRepair.NeedsRepair(s.UnappendedHistory[i])) continue;
            s.UnappendedHistory[i] = HistoryEntryRepair.Repaired(s.UnappendedHistory[i]);
            repaired++;
        }
        return repaired;
    }
}

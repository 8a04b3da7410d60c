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
        var repair = new TextRepair();
        s.OfferingName = repair.Text(s.OfferingName);
        s.CustomerName = repair.Text(s.CustomerName);
        s.UserUsername = repair.Text(s.UserUsername);
        s.UserFullName = repair.Text(s.UserFullName);
        s.UserEmail = repair.Text(s.UserEmail);
        s.Username = repair.Text(s.Username);
        s.State = repair.Text(s.State);
        foreach (var completion in s.Completions)
        {
            completion.ChecklistName = repair.Text(completion.ChecklistName);
            completion.ChecklistDescription = repair.Text(completion.ChecklistDescription);
            completion.ReviewNotes = repair.Text(completion.ReviewNotes);
            completion.ReviewedByName = repair.OptionalText(completion.ReviewedByName);
            foreach (var answer in completion.Answers.Values)
            {
                answer.UserName = repair.Text(answer.UserName);
                answer.AnswerJson = repair.Json(answer.AnswerJson);
            }
        }
        var repaired = repair.Count;
        for (var i = 0; i < s.UnappendedHistory.Count; i++)
        {
            if (!HistoryEntryRepair.NeedsRepair(s.UnappendedHistory[i])) continue;
            s.UnappendedHistory[i] = HistoryEntryRepair.Repaired(s.UnappendedHistory[i]);
            repaired++;
        }
        return repaired;
    }
}

using System.Text.Json;

namespace ComplianceGrains.Bench.Seeding;

/// <summary>Valid submit_answers bodies: answers to the first questions of a checklist, with varying values.</summary>
public static class AnswerPayloads
{
    public const int AnswersPerSubmission = 5;

    public static string For(SeededChecklist checklist, Random random, int answers = AnswersPerSubmission) =>
        JsonSerializer.Serialize(checklist.Questions.Take(answers)
            .Select(q => new { question_uuid = q.Id, answer_data = Answer(q, random) }));

    /// <summary>Answers every question (all are required), which completes the checklist.</summary>
    public static string Complete(SeededChecklist checklist, Random random) => For(checklist, random, checklist.Questions.Count);

    /// <summary>
    /// Answers every question but the last and removes the last one's answer (<c>null</c>), which leaves the checklist
    /// incomplete whatever was answered before.
    /// </summary>
    public static string Incomplete(SeededChecklist checklist, Random random) =>
        JsonSerializer.Serialize(checklist.Questions.Select((q, i) => new
        {
            question_uuid = q.Id,
            answer_data = i == checklist.Questions.Count - 1 ? null : Answer(q, random),
        }));

    private static object Answer(SeededQuestion question, Random random) => question.Type switch
    {
        QuestionMix.Boolean => random.Next(2) == 0,
        QuestionMix.Text => $"answer {random.Next(1_000_000)}",
        QuestionMix.Number => random.Next(0, 101),
        QuestionMix.SingleSelect => new[] { question.OptionIds[random.Next(question.OptionIds.Count)] },
        _ => throw new BenchException($"no answer generator for {question.Type}"),
    };
}

using System.Text.Json;

namespace ComplianceGrains.Domain;

/// <summary>The exact texts of answer validation errors (BEHAVIOUR.md §1).</summary>
public static class ValidationMessages
{
    public const int QuestionCut = 50;

    public static string InvalidAnswer(JsonElement value, string questionDescription, string questionType) =>
        $"Answer value '{PythonRepr.Str(value)}' is not valid for the question '{Cut(questionDescription)}' (type: {questionType}).";

    public static string Cut(string description) =>
        description.Length > QuestionCut ? description[..QuestionCut] + "..." : description;

    public static string QuestionDoesNotExist(Guid questionId) => $"Question with UUID {questionId:N} does not exist";

    public static string QuestionNotInChecklist(Guid questionId) => $"Question {questionId:N} does not belong to this checklist";
}

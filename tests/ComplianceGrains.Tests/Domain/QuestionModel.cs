using System.Text.Json;
using ComplianceGrains.Checklists;

namespace ComplianceGrains.Tests.Domain;

/// <summary>Builds questions, dependencies and JSON values for the domain tests, without Orleans.</summary>
public static class QuestionModel
{
    private static readonly Guid ChecklistId = Guid.NewGuid();

    public static QuestionView Question(string type, Func<QuestionDefinition, QuestionDefinition>? configure = null, string? description = null)
    {
        var definition = new QuestionDefinition { Description = description ?? $"A {type} question", QuestionType = type };
        return new QuestionView(
            Guid.NewGuid(), ChecklistId, "Checklist", ChecklistTypes.OfferingCompliance,
            configure is null ? definition : configure(definition), [], DateTime.UtcNow);
    }

    public static QuestionView WithOptions(this QuestionView question, params string[] labels) =>
        question with { Options = labels.Select((label, i) => new OptionView(Guid.NewGuid(), question.Id, label, i)).ToList() };

    /// <summary>The question, shown only when <paramref name="dependsOn"/>'s answer satisfies the operator.</summary>
    public static QuestionView DependingOn(this QuestionView question, QuestionView dependsOn, string requiredJson, string op = "equals") =>
        question with { Dependencies = [.. question.Dependencies, Dependency(question, dependsOn, requiredJson, op)] };

    public static DependencyView Dependency(QuestionView question, QuestionView dependsOn, string requiredJson, string op = "equals") =>
        new(Guid.NewGuid(), question.Id, dependsOn.Id, requiredJson, op);

    public static QuestionView Required(this QuestionView question) =>
        question with { Definition = question.Definition with { Required = true } };

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

using System.Text.Json;
using ComplianceGrains.Checklists;

namespace ComplianceGrains.Tests.Support;

/// <summary>Builds checklist questions in memory for the domain tests (no Orleans).</summary>
public static class TestQuestions
{
    public static readonly Guid ChecklistId = Guid.NewGuid();

    public static QuestionView Make(
        string type, string description = "A question", bool required = false, decimal? min = null, decimal? max = null,
        int options = 0, int order = 0)
    {
        var id = Guid.NewGuid();
        var optionViews = Enumerable.Range(0, options).Select(i => new OptionView(Guid.NewGuid(), id, $"Option {i}", i)).ToList();
        var definition = new QuestionDefinition
        {
            Description = description, QuestionType = type, Required = required, MinValue = min, MaxValue = max, Order = order,
        };
        return new QuestionView(id, ChecklistId, "Checklist", ChecklistTypes.OfferingCompliance, definition, optionViews, DateTime.UtcNow);
    }

    public static QuestionView Required(string type = QuestionTypes.Boolean, string? description = null) =>
        Make(type, description ?? $"Required {Guid.NewGuid():N}", required: true);

    /// <summary>Parses JSON text into an element that outlives its document.</summary>
    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>A JSON array of the given option ids, in the 32-hex form.</summary>
    public static string Options(params Guid[] ids) => JsonSerializer.Serialize(ids.Select(id => id.ToString("N")));
}

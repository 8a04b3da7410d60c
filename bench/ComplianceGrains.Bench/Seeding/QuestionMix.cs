namespace ComplianceGrains.Bench.Seeding;

/// <summary>The question types seeded, in rotation (so any five consecutive questions include every type).</summary>
public static class QuestionMix
{
    public const string Boolean = "boolean";
    public const string Text = "text_input";
    public const string Number = "number";
    public const string SingleSelect = "single_select";

    public const int OptionsPerSelect = 3;

    private static readonly string[] Rotation = [Boolean, Text, Number, SingleSelect];

    public static string TypeAt(int index) => Rotation[index % Rotation.Length];

    /// <summary>The admin API body of question <paramref name="index"/> (number questions get a 0–100 range).</summary>
    public static Dictionary<string, object?> Body(string checklist, int index)
    {
        var type = TypeAt(index);
        var body = new Dictionary<string, object?>
        {
            ["checklist"] = checklist,
            ["description"] = $"Question {index + 1} ({type})",
            ["question_type"] = type,
            ["required"] = true,
            ["order"] = index + 1,
        };
        if (type == Number)
        {
            body["min_value"] = 0;
            body["max_value"] = 100;
        }
        return body;
    }
}

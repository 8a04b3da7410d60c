namespace ComplianceGrains.Domain;

/// <summary>Repairs stored values one by one with <see cref="TextRules"/> and counts those it had to replace.</summary>
public sealed class TextRepair
{
    public int Count { get; private set; }

    public string Text(string value)
    {
        var repaired = TextRules.Repair(value);
        if (!ReferenceEquals(repaired, value)) Count++;
        return repaired;
    }

    public string? OptionalText(string? value) => value is null ? null : Text(value);

    public string Json(string value)
    {
        var repaired = TextRules.RepairJson(value);
        if (!ReferenceEquals(repaired, value)) Count++;
        return repaired;
    }

    public string? OptionalJson(string? value) => value is null ? null : Json(value);
}

using ComplianceGrains.Checklists;
using ComplianceGrains.WebApi.Infrastructure;

namespace ComplianceGrains.WebApi.Endpoints;

/// <summary>
/// Reads checklist and option fields over the current ones: as Django REST Framework updates, a full update requires the
/// required fields and keeps the optional ones it does not mention; a partial one requires nothing.
/// </summary>
public static class ChecklistFieldsReader
{
    public const int MaxNameLength = 150;
    public const int MaxDescriptionLength = 4096;
    public const int MaxOptionLabelLength = 255;

    public static ChecklistFields Read(FieldReader body, ChecklistFields? current, bool partial = false) => new(
        body.String("name", required: !partial, maxLength: MaxNameLength, allowBlank: false) ?? current?.Name ?? "",
        body.String("description", maxLength: MaxDescriptionLength) ?? current?.Description ?? "",
        body.Choice("checklist_type", ChecklistTypes.All) ?? current?.ChecklistType ?? ChecklistTypes.OfferingCompliance);

    public static string? OptionLabel(FieldReader body, bool required) =>
        body.String("label", required: required, maxLength: MaxOptionLabelLength, allowBlank: false);
}

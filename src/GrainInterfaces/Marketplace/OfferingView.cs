namespace ComplianceGrains.Marketplace;

[GenerateSerializer, Immutable]
public sealed record OfferingView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description,
    [property: Id(3)] Guid CustomerId,
    [property: Id(4)] string CustomerName,
    [property: Id(5)] Guid ServiceProviderId,
    [property: Id(6)] string State,
    [property: Id(7)] Guid? ChecklistId,
    [property: Id(8)] string? ChecklistName,
    [property: Id(9)] DateTime Created)
{
    public bool HasComplianceRequirements => ChecklistId is not null;
}

[GenerateSerializer, Immutable]
public sealed record NewOffering(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description,
    [property: Id(2)] Guid CustomerId,
    [property: Id(3)] Guid? ChecklistId);

public static class OfferingStates
{
    public const string Draft = "Draft";
    public const string Active = "Active";
    public const string Paused = "Paused";
    public const string Archived = "Archived";

    public static readonly IReadOnlyList<string> All = [Draft, Active, Paused, Archived];

    /// <summary>Offerings in the public catalogue: neither drafts nor archived ones.</summary>
    public static bool IsPublic(string state) => state is not (Draft or Archived);
}

namespace ComplianceGrains.Compliance;

/// <summary>A stored file of an answer.</summary>
[GenerateSerializer, Immutable]
public sealed record StoredFile(
    [property: Id(0)] string Name,
    [property: Id(1)] string MimeType,
    [property: Id(2)] byte[] Content);

namespace ComplianceGrains.Errors;

/// <summary>The object does not exist, or the caller may not see it (404).</summary>
[GenerateSerializer]
public sealed class NotFoundException : Exception
{
    public NotFoundException() : base("Not found.") { }
}

namespace ComplianceGrains.Errors;

/// <summary>The caller sees the object but may not perform the action (403).</summary>
[GenerateSerializer]
public sealed class PermissionDeniedException : Exception
{
    public PermissionDeniedException() : base("You do not have permission to perform this action.") { }
}

namespace ComplianceGrains;

public static class StorageNames
{
    /// <summary>The grain storage provider that holds every grain's state.</summary>
    public const string Main = "compliance";
}

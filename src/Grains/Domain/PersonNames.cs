namespace ComplianceGrains.Domain;

/// <summary>A user's full name, as Waldur derives it from the first and last names.</summary>
public static class PersonNames
{
    /// <summary>The given full name when there is one; otherwise the first and last names joined by a space.</summary>
    public static string FullName(string? fullName, string firstName, string lastName) =>
        !string.IsNullOrEmpty(fullName) ? fullName : $"{firstName} {lastName}".Trim();
}

namespace ComplianceGrains.Identity;

/// <summary>
/// A token grain's answer to a front end: the caller the token stands for (null: unknown or revoked), and whether the
/// front end may keep that answer until it is told that the token changed (tokens without a lifetime only, since a
/// cached answer would neither slide nor check a lifetime).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TokenAuthentication([property: Id(0)] Caller? Caller, [property: Id(1)] bool MayBeCached)
{
    public static TokenAuthentication Refused { get; } = new(null, false);
}

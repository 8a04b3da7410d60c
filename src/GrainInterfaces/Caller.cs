namespace ComplianceGrains;

/// <summary>Who makes a call. Passed with every grain call so that grains decide authorisation next to their data.</summary>
[GenerateSerializer, Immutable]
public sealed record Caller(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] bool IsStaff,
    [property: Id(2)] bool IsSupport)
{
    public static Caller Anonymous { get; } = new(Guid.Empty, false, false);

    /// <summary>The identity the service uses for its own work (bootstrap, background jobs).</summary>
    public static Caller System { get; } = new(Guid.Empty, true, false);

    public bool IsAuthenticated => UserId != Guid.Empty;

    /// <summary>Staff and global support users may read every object.</summary>
    public bool CanReadEverything => IsStaff || IsSupport;
}

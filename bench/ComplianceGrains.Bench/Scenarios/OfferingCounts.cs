namespace ComplianceGrains.Bench.Scenarios;

/// <summary>An offering's offering users, those whose current completion is complete, and the others (pending).</summary>
public sealed record OfferingCounts(long Total, long Completed, long Pending)
{
    public override string ToString() => $"total {Total}, completed {Completed}, pending {Pending}";
}

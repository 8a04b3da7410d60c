using ComplianceGrains.Compliance;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>One row of <c>answer_history</c>: entries of one offering user in sequence order, and their JSON.</summary>
internal sealed record HistoryRow(Guid OfferingUserId, IReadOnlyList<HistoryEntry> Entries, string Json)
{
    public long First => Entries[0].Sequence;

    public long Last => Entries[^1].Sequence;

    public static HistoryRow Of(Guid offeringUserId, IReadOnlyList<HistoryEntry> entries) => new(offeringUserId, entries, HistoryRowJson.Write(entries));
}

using ComplianceGrains.Marketplace;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// The offering members of embedded mode: <c>offering_members</c> on disk, served from an in-memory copy that is
/// loaded at start and changed after each commit.
/// </summary>
public sealed class SqliteOfferingMemberStore : IOfferingMemberStore
{
    private readonly SqliteDatabase _database;
    private readonly InMemoryOfferingMemberStore _memory = new();

    public SqliteOfferingMemberStore(SqliteDatabase database)
    {
        _database = database;
        using var connection = database.OpenReader();
        foreach (var (offering, user, offeringUser) in connection.Rows(r => (r.GetGuid(0), r.GetGuid(1), r.GetGuid(2)),
                     "SELECT offering_id, user_id, offering_user_id FROM offering_members"))
            _memory.TryAddAsync(offering, user, offeringUser);
    }

    public Task<Guid?> TryAddAsync(Guid offeringId, Guid userId, Guid offeringUserId) => _database.WriteAsync<Guid?>(
        connection => connection.Execute(
                "INSERT INTO offering_members (offering_id, user_id, offering_user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                offeringId, userId, offeringUserId) == 1
            ? null
            : connection.Rows(r => r.GetGuid(0),
                "SELECT offering_user_id FROM offering_members WHERE offering_id = $1 AND user_id = $2", offeringId, userId)[0],
        existing =>
        {
            if (existing is null) _memory.TryAddAsync(offeringId, userId, offeringUserId);
        });

    public Task RemoveAsync(Guid offeringId, Guid userId, Guid offeringUserId) => _database.WriteAsync(
        connection => connection.Execute(
            "DELETE FROM offering_members WHERE offering_id = $1 AND user_id = $2 AND offering_user_id = $3",
            offeringId, userId, offeringUserId),
        () => _memory.RemoveAsync(offeringId, userId, offeringUserId));

    public Task<int> CountAsync(Guid offeringId) => _memory.CountAsync(offeringId);

    public Task<IReadOnlyList<Guid>> NextAsync(Guid offeringId, Guid? after, int limit) => _memory.NextAsync(offeringId, after, limit);
}

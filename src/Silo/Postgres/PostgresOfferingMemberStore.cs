using ComplianceGrains.Marketplace;
using Npgsql;

namespace ComplianceGrains.Silo.Postgres;

/// <summary>The offering members of cluster mode: <c>compliance_offering_members</c>.</summary>
public sealed class PostgresOfferingMemberStore(NpgsqlDataSource dataSource) : IOfferingMemberStore
{
    public async Task<Guid?> TryAddAsync(Guid offeringId, Guid userId, Guid offeringUserId)
    {
        // Inserts the member unless the user already has one, and answers the member the user has either way.
        await using var command = dataSource.CreateCommand("""
            WITH inserted AS (
                INSERT INTO compliance_offering_members (offering_id, user_id, offering_user_id) VALUES ($1, $2, $3)
                ON CONFLICT (offering_id, user_id) DO NOTHING
                RETURNING offering_user_id)
            SELECT offering_user_id FROM compliance_offering_members WHERE offering_id = $1 AND user_id = $2
                AND NOT EXISTS (SELECT 1 FROM inserted)
            """);
        command.Parameters.Add(new() { Value = offeringId });
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = offeringUserId });
        return await command.ExecuteScalarAsync() is Guid existing ? existing : null;
    }

    public async Task RemoveAsync(Guid offeringId, Guid userId, Guid offeringUserId)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM compliance_offering_members WHERE offering_id = $1 AND user_id = $2 AND offering_user_id = $3");
        command.Parameters.Add(new() { Value = offeringId });
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = offeringUserId });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<int> CountAsync(Guid offeringId)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM compliance_offering_members WHERE offering_id = $1");
        command.Parameters.Add(new() { Value = offeringId });
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<IReadOnlyList<Guid>> NextAsync(Guid offeringId, Guid? after, int limit)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT offering_user_id FROM compliance_offering_members
            WHERE offering_id = $1 AND ($2::uuid IS NULL OR offering_user_id > $2)
            ORDER BY offering_user_id LIMIT $3
            """);
        command.Parameters.Add(new() { Value = offeringId });
        command.Parameters.Add(new() { Value = (object?)after ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = limit });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }
}

using ComplianceGrains.Compliance;
using Npgsql;

namespace ComplianceGrains.Silo.Postgres;

/// <summary>The file store of cluster mode: <c>compliance_files</c>.</summary>
public sealed class PostgresFileStore(NpgsqlDataSource dataSource) : IFileStore
{
    public async Task<string> SaveAsync(Guid offeringUserId, StoredFile file)
    {
        var id = Guid.NewGuid().ToString("N");
        await SaveAsync(offeringUserId, id, file);
        return id;
    }

    /// <summary>Stores a file under an id it already has (an import).</summary>
    public async Task SaveAsync(Guid offeringUserId, string id, StoredFile file)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO compliance_files (offering_user_id, id, name, mime_type, content) VALUES ($1, $2, $3, $4, $5)");
        command.Parameters.Add(new() { Value = offeringUserId });
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = file.Name });
        command.Parameters.Add(new() { Value = file.MimeType });
        command.Parameters.Add(new() { Value = file.Content });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<StoredFile?> GetAsync(Guid offeringUserId, string storedFileId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT name, mime_type, content FROM compliance_files WHERE offering_user_id = $1 AND id = $2");
        command.Parameters.Add(new() { Value = offeringUserId });
        command.Parameters.Add(new() { Value = storedFileId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new StoredFile(reader.GetString(0), reader.GetString(1), (byte[])reader[2]) : null;
    }

    public async Task DeleteAllAsync(Guid offeringUserId)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM compliance_files WHERE offering_user_id = $1");
        command.Parameters.Add(new() { Value = offeringUserId });
        await command.ExecuteNonQueryAsync();
    }
}

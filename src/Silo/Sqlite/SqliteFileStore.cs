using ComplianceGrains.Compliance;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>The file store of embedded mode: <c>files</c>.</summary>
public sealed class SqliteFileStore(SqliteDatabase database) : IFileStore
{
    public async Task<string> SaveAsync(Guid offeringUserId, StoredFile file)
    {
        var id = Guid.NewGuid().ToString("N");
        await database.WriteAsync(connection => connection.Execute(
            "INSERT INTO files (offering_user_id, id, name, mime_type, content) VALUES ($1, $2, $3, $4, $5)",
            offeringUserId, id, file.Name, file.MimeType, file.Content));
        return id;
    }

    public Task<StoredFile?> GetAsync(Guid offeringUserId, string storedFileId)
    {
        using var connection = database.OpenReader();
        var files = connection.Rows(r => new StoredFile(r.GetString(0), r.GetString(1), (byte[])r[2]),
            "SELECT name, mime_type, content FROM files WHERE offering_user_id = $1 AND id = $2", offeringUserId, storedFileId);
        return Task.FromResult(files.FirstOrDefault());
    }

    public Task DeleteAllAsync(Guid offeringUserId) =>
        database.WriteAsync(connection => connection.Execute("DELETE FROM files WHERE offering_user_id = $1", offeringUserId));
}

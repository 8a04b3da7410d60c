namespace ComplianceGrains.Compliance;

/// <summary>Where the bytes of file answers live: never in grain state.</summary>
public interface IFileStore
{
    /// <summary>Stores the bytes and returns the new file's id.</summary>
    Task<string> SaveAsync(Guid offeringUserId, StoredFile file);

    Task<StoredFile?> GetAsync(Guid offeringUserId, string storedFileId);

    Task DeleteAllAsync(Guid offeringUserId);
}

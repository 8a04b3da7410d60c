using System.Collections.Concurrent;

namespace ComplianceGrains.Compliance;

/// <summary>The file store of embedded mode, in the silo's memory.</summary>
public sealed class InMemoryFileStore : IFileStore
{
    private readonly ConcurrentDictionary<(Guid OfferingUser, string Id), StoredFile> _files = new();

    public Task<string> SaveAsync(Guid offeringUserId, StoredFile file)
    {
        var id = Guid.NewGuid().ToString("N");
        _files[(offeringUserId, id)] = file;
        return Task.FromResult(id);
    }

    public Task<StoredFile?> GetAsync(Guid offeringUserId, string storedFileId) =>
        Task.FromResult(_files.GetValueOrDefault((offeringUserId, storedFileId)));

    public Task DeleteAllAsync(Guid offeringUserId)
    {
        foreach (var key in _files.Keys.Where(k => k.OfferingUser == offeringUserId)) _files.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}

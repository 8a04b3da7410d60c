using ComplianceGrains.Identity;
using Orleans.Storage;

namespace ComplianceGrains.Tests.Support;

/// <summary>What every grain storage of the service must do with ETags, whatever keeps the bytes.</summary>
public static class GrainStorageContract
{
    /// <summary>Writes and clears with a stale ETag are rejected; reads return the last write and its ETag.</summary>
    public static async Task StaleETagsAreRejectedAsync(IGrainStorage storage)
    {
        var type = GrainType.Create("storage-probe");
        // A string key, and a Guid key whose string part is null in storage.
        GrainId[] grains = [GrainId.Create(type, Guid.NewGuid().ToString("N")), GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid()))];
        foreach (var grain in grains)
        {
            var written = new UsernameState { UserId = Guid.NewGuid() };
            var first = new GrainState<UsernameState>(written);
            await storage.WriteStateAsync("storage-probe", grain, first);
            await Assert.ThrowsAsync<InconsistentStateException>(
                () => storage.WriteStateAsync("storage-probe", grain, new GrainState<UsernameState>(new UsernameState())));

            var stale = new GrainState<UsernameState>(new UsernameState()) { ETag = first.ETag };
            written.UserId = Guid.NewGuid();
            await storage.WriteStateAsync("storage-probe", grain, first);
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("storage-probe", grain, stale));
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("storage-probe", grain, stale));

            var read = new GrainState<UsernameState>();
            await storage.ReadStateAsync("storage-probe", grain, read);
            Assert.Equal(written.UserId, read.State!.UserId);
            Assert.Equal(first.ETag, read.ETag);

            await storage.ClearStateAsync("storage-probe", grain, read);
            var cleared = new GrainState<UsernameState>();
            await storage.ReadStateAsync("storage-probe", grain, cleared);
            Assert.False(cleared.RecordExists);
            Assert.Null(cleared.State!.UserId);
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("storage-probe", grain, first));
        }
    }
}

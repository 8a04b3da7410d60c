using Orleans.Storage;

namespace ComplianceGrains.Silo;

/// <summary>How the service's grain storages fill a grain's state after a read, and the error of an ETag mismatch.</summary>
internal static class GrainStateRecords
{
    public static void Found<T>(IGrainState<T> grainState, T? state, string etag)
    {
        grainState.State = state!;
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public static void Missing<T>(IGrainState<T> grainState)
    {
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public static InconsistentStateException Conflict(string stateName, GrainId grainId, string? etag) =>
        new($"State {stateName} of {grainId} was written by another activation since it was read (ETag {etag ?? "none"}).");
}

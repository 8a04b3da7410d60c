using System.Data.Common;

namespace ComplianceGrains.Silo.Postgres;

/// <summary>
/// Grains change their state in memory before they store it. When a call fails on the database, the caller is told it
/// failed (503), so the activation must not keep, serve or later store those changes: it is deactivated, and the next
/// call reads the state that was actually stored.
/// </summary>
public sealed class ReloadAfterStorageFailureFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (IsDatabaseFailure(e))
        {
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, e,
                "A database operation failed; the state in memory may hold changes that were not stored."));
            throw;
        }
    }

    private static bool IsDatabaseFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException) return true;
        return false;
    }
}

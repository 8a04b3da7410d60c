using ComplianceGrains.Identity;

namespace ComplianceGrains.WebApi.Auth;

/// <summary>Keeps the front end subscribed to the token cache registry, every <see cref="TokenCacheSubscriptions.Period"/>.</summary>
public sealed class TokenCacheSubscriber(
    IGrainFactory grains,
    TokenCache cache,
    TokenCacheObserver observer,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<TokenCacheSubscriber> logger) : BackgroundService
{
    /// <summary>Sooner than the period after a failure: the cache is unused until a subscription succeeds.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken)) return;
        var reference = grains.CreateObjectReference<ITokenCacheObserver>(observer);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var subscribed = await SubscribeAsync(reference);
                await Task.Delay(subscribed ? TokenCacheSubscriptions.Period : RetryAfter, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            cache.LoseSubscription();
            grains.DeleteObjectReference<ITokenCacheObserver>(reference);
        }
    }

    /// <summary>The co-hosted silo or the cluster client starts with the host; the first subscription waits for it.</summary>
    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> SubscribeAsync(ITokenCacheObserver reference)
    {
        var askedAt = time.GetTimestamp();
        try
        {
            cache.Confirm(await grains.GetGrain<ITokenCacheRegistryGrain>(0).SubscribeAsync(reference), askedAt);
            return true;
        }
        catch (Exception exception)
        {
            cache.LoseSubscription();
            logger.LogWarning(exception, "The token cache could not subscribe to revocations; tokens are checked with their grains.");
            return false;
        }
    }
}

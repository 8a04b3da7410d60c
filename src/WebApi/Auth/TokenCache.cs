using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using ComplianceGrains.Identity;

namespace ComplianceGrains.WebApi.Auth;

/// <summary>
/// The front end's answers of token grains (by token hash), so that most requests authenticate without a grain call.
/// Entries are used only while the front end's subscription to the <see cref="ITokenCacheRegistryGrain"/> was confirmed
/// within <see cref="TokenCacheSubscriptions.Lifetime"/>; every change that may have hidden an eviction from it clears
/// the whole cache.
/// </summary>
public sealed class TokenCache(TimeProvider time, int capacity = TokenCache.DefaultCapacity)
{
    public const int DefaultCapacity = 100_000;

    private readonly ConcurrentDictionary<string, Caller> _callers = new(StringComparer.Ordinal);
    private readonly Lock _writes = new();
    private int _count;
    private long _generation;
    private long _hits;
    private Confirmation? _confirmation;

    /// <summary>Requests answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public int Count => Volatile.Read(ref _count);

    /// <summary>Changes with every eviction; an answer asked for before a change is not kept, as it may predate it.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string tokenHash, [NotNullWhen(true)] out Caller? caller)
    {
        if (IsTrusted && _callers.TryGetValue(tokenHash, out caller))
        {
            Interlocked.Increment(ref _hits);
            return true;
        }
        caller = null;
        return false;
    }

    /// <summary>Keeps the answer unless something was evicted since <paramref name="askedAt"/> (a <see cref="Generation"/>).</summary>
    public void Add(string tokenHash, Caller caller, long askedAt)
    {
        lock (_writes)
        {
            if (askedAt != _generation || !IsTrusted) return;
            // Full: start again rather than track use; the cache refills at the cost of one grain call per token.
            if (_count >= capacity) ClearLocked();
            if (_callers.TryAdd(tokenHash, caller)) _count++;
        }
    }

    public void Evict(string tokenHash)
    {
        lock (_writes)
        {
            _generation++;
            if (_callers.TryRemove(tokenHash, out _)) _count--;
        }
    }

    /// <summary>
    /// The registry answered a subscription asked for at <paramref name="askedAt"/> (a timestamp of the clock): a new
    /// registry, or one that had forgotten this front end, may have missed evictions, so the cache starts empty.
    /// </summary>
    public void Confirm(TokenCacheSubscription subscription, long askedAt)
    {
        lock (_writes)
        {
            if (!subscription.WasSubscribed || _confirmation?.RegistryId != subscription.RegistryId) ClearLocked();
            _confirmation = new Confirmation(subscription.RegistryId, askedAt);
        }
    }

    /// <summary>The subscription failed: evictions may be missed until it is confirmed again.</summary>
    public void LoseSubscription()
    {
        lock (_writes)
        {
            ClearLocked();
            _confirmation = null;
        }
    }

    private bool IsTrusted =>
        Volatile.Read(ref _confirmation) is { } confirmation && time.GetElapsedTime(confirmation.AskedAt) < TokenCacheSubscriptions.Lifetime;

    private void ClearLocked()
    {
        _generation++;
        _callers.Clear();
        _count = 0;
    }

    private sealed record Confirmation(Guid RegistryId, long AskedAt);
}

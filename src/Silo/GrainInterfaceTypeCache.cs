using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace ComplianceGrains.Silo;

/// <summary>
/// Remembers the Orleans name of each grain interface. Orleans works it out again on every <c>GetGrain</c> call, by
/// reflection over the interface's attributes and then by formatting its type name, a few times per request and about
/// 3 % of the host's CPU under a submission load; the answer never changes for a type. Asked first, this provider
/// answers from memory, and on a miss asks the resolver itself (which then skips this provider) for what Orleans'
/// own providers and conventions say.
/// </summary>
public sealed class GrainInterfaceTypeCache(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();

    [ThreadStatic] private static bool t_resolving;

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        if (_known.TryGetValue(type, out grainInterfaceType)) return true;
        if (t_resolving) return false;
        t_resolving = true;
        try
        {
            grainInterfaceType = services.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceType(type);
        }
        finally
        {
            t_resolving = false;
        }
        _known.TryAdd(type, grainInterfaceType);
        return true;
    }
}

public static class GrainInterfaceTypeCacheRegistration
{
    /// <summary>Registers the cache ahead of every other provider: Orleans asks its providers in registration order.</summary>
    public static IServiceCollection AddGrainInterfaceTypeCache(this IServiceCollection services)
    {
        services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, GrainInterfaceTypeCache>());
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ComplianceGrains.WebApi.Auth;

public static class TokenAuthenticatorServices
{
    /// <summary>The authenticator with its cache, kept subscribed to revocations for as long as the host runs.</summary>
    public static IServiceCollection AddTokenAuthenticator(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new TokenCache(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TokenCacheObserver>();
        services.AddSingleton<TokenAuthenticator>();
        services.AddHostedService<TokenCacheSubscriber>();
        return services;
    }
}

using ComplianceGrains.Catalog;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// Loads the in-memory copies of the embedded stores (projection indexes, catalogs, offering members) from the file
/// while the silo starts, before it takes requests, instead of on the first request that needs them.
/// </summary>
public sealed class SqliteStoresLoader(IServiceProvider services) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe<SqliteStoresLoader>(ServiceLifecycleStage.RuntimeInitialize, _ =>
        {
            services.GetRequiredService<IComplianceProjection>();
            services.GetRequiredService<ICatalogStore>();
            services.GetRequiredService<IOfferingMemberStore>();
            return Task.CompletedTask;
        });
}

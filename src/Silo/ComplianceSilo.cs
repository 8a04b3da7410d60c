using System.Net;
using ComplianceGrains.Catalog;
using ComplianceGrains.Compliance;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Projections;
using ComplianceGrains.Silo.Memory;
using ComplianceGrains.Silo.Postgres;
using ComplianceGrains.Silo.Sqlite;
using ComplianceGrains.Silo.Telemetry;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;

namespace ComplianceGrains.Silo;

/// <summary>
/// The silo's configuration, shared by the standalone silo and the front end's co-hosted silo (embedded mode).
/// <see cref="HostingMode"/> chooses between localhost clustering with storage and reminders in SQLite (or in memory,
/// <see cref="StorageMode"/>), and PostgreSQL for all three (cluster mode).
/// </summary>
public static class ComplianceSilo
{
    /// <summary>The ADO.NET invariant of Npgsql; Orleans loads its provider factory by this name.</summary>
    public const string AdoNetInvariant = "Npgsql";

    public static ISiloBuilder ConfigureComplianceSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = SiloSettings.From(configuration);
        silo.Services.AddGrainInterfaceTypeCache();
        silo.AddComplianceObservability(configuration);
        silo.Configure<GrainCollectionOptions>(options =>
        {
            options.CollectionAge = settings.GrainIdleTimeout;
            // Needed around a user's creation, a login and a user's requests only; reactivated from storage on demand.
            foreach (var identityGrain in new[] { typeof(UserGrain), typeof(UsernameGrain), typeof(TokenGrain) })
                options.ClassSpecificCollectionAge[identityGrain.FullName!] = settings.IdentityGrainIdleTimeout;
        });
        if (!HostingMode.IsCluster(configuration))
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            // The only silo owns the whole grain directory and looks addresses up in it directly; the directory cache
            // would only copy it, and keep an entry (≈ 0.5 KB) for every grain ever activated, up to CacheSize. The
            // cache of grains in other directories (none here) is allocated at CacheSize anyway: 9 MB for a million.
            silo.Configure<GrainDirectoryOptions>(options =>
            {
                options.CachingStrategy = GrainDirectoryOptions.CachingStrategyType.None;
                options.CacheSize = 1_000;
            });
            return StorageMode.IsMemory(configuration)
                ? silo.AddComplianceInMemoryStorage()
                : silo.AddComplianceSqliteStorage(SqliteDatabase.Open(StorageMode.DataDirectory(configuration)));
        }

        var connectionString = PooledConnectionString(HostingMode.ConnectionString(configuration));
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ServiceId;
        });
        // A killed silo is declared dead within seconds: its callers' pending calls are then rejected (not left to the
        // 30 s response timeout) and its grains are activated elsewhere.
        silo.Configure<ClusterMembershipOptions>(options =>
        {
            options.ProbeTimeout = settings.ProbeTimeout;
            options.NumMissedProbesLimit = settings.MissedProbesLimit;
        });
        if (settings.AdvertisedAddress is { Length: > 0 } address)
            silo.ConfigureEndpoints(IPAddress.Parse(address), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
        else
            silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
        return silo.AddCompliancePostgresStorage(connectionString);
    }

    /// <summary>
    /// Caps each connection pool of a silo (Orleans' providers share one, the projection and history another) unless
    /// the connection string sets its own cap, so that several silos stay under PostgreSQL's max_connections; prepares
    /// the statements that repeat; and skips the session reset when a connection goes back to its pool. Each setting
    /// the connection string names itself is left as it is.
    /// </summary>
    public static string PooledConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)) builder.MaxPoolSize = 30;
        // The same few statements run all the time: prepared once per connection, they skip parsing and planning.
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 32;
        // A connection with prepared statements is reset by seven statements (a DISCARD ALL would drop them) every time
        // it is returned: one more round trip and its work per write (docs/benchmarks.md, pg-submit). The silo leaves no
        // session state behind: no SET, temporary table, LISTEN or advisory lock on a pooled connection (only `migrate`
        // takes a lock, on a connection of its own).
        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>
    /// In-memory grain storage, reminders and projection; also what the test clusters use. States are stored in Orleans'
    /// binary format, as in PostgreSQL (JSON took about four times the memory, and 14 % of the host's CPU under a submission load).
    /// </summary>
    public static ISiloBuilder AddComplianceInMemoryStorage(this ISiloBuilder silo)
    {
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Main, (services, _) =>
            new InProcessGrainStorage(new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));
        silo.UseInMemoryReminderService();
        silo.Services.AddComplianceGrainServices();
        return silo;
    }

    /// <summary>
    /// Embedded mode's durable storage: grain state, reminders, projection, history, files, catalogs and offering members
    /// in the SQLite file of <paramref name="database"/>, which the silo's services own (and close) from here on.
    /// </summary>
    public static ISiloBuilder AddComplianceSqliteStorage(this ISiloBuilder silo, SqliteDatabase database)
    {
        silo.Services.AddSingleton(_ => database);
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Main, (services, _) => new SqliteGrainStorage(
            services.GetRequiredService<SqliteDatabase>(), new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
            services.GetRequiredService<SqliteComplianceProjection>()));
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        silo.AddIncomingGrainCallFilter<ReloadAfterStorageFailureFilter>();
        silo.Services.AddComplianceGrainServices();
        silo.Services.AddSingleton<SqliteComplianceProjection>();
        silo.Services.AddSingleton<IComplianceProjection>(services => services.GetRequiredService<SqliteComplianceProjection>());
        silo.Services.AddSingleton<IAnswerHistoryStore, SqliteAnswerHistoryStore>();
        silo.Services.AddSingleton<IFileStore, SqliteFileStore>();
        silo.Services.AddSingleton<ICatalogStore, SqliteCatalogStore>();
        silo.Services.AddSingleton<IOfferingMemberStore, SqliteOfferingMemberStore>();
        silo.Services.AddSingleton<IComplianceEventStore, SqliteComplianceEventStore>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SqliteStoresLoader>();
        return silo;
    }

    /// <summary>Orleans' ADO.NET grain storage on <c>orleans_storage</c>, kept to read the states stored there before <see cref="PostgresGrainStorage"/>.</summary>
    public const string LegacyStorageName = "orleans-storage";

    /// <summary>
    /// Grain storage (<see cref="PostgresGrainStorage"/>, group-committed) and the stores of cluster mode in PostgreSQL;
    /// reminders through Orleans' ADO.NET provider. The database must have been migrated (<c>migrate</c> command); the
    /// silo creates no tables.
    /// </summary>
    public static ISiloBuilder AddCompliancePostgresStorage(this ISiloBuilder silo, string connectionString)
    {
        silo.AddAdoNetGrainStorage(LegacyStorageName, optionsBuilder => optionsBuilder.Configure<Serializer>((options, serializer) =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = connectionString;
            // Orleans' own version-tolerant format, the same one grain messages use.
            options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Main, (services, _) => new PostgresGrainStorage(
            services.GetRequiredService<NpgsqlDataSource>(),
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
            services.GetRequiredKeyedService<IGrainStorage>(LegacyStorageName)));
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
        silo.AddIncomingGrainCallFilter<ReloadAfterStorageFailureFilter>();
        silo.Services.AddComplianceGrainServices();
        silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        silo.Services.AddSingleton<IComplianceProjection, PostgresComplianceProjection>();
        silo.Services.AddSingleton<IAnswerHistoryStore, PostgresAnswerHistoryStore>();
        silo.Services.AddSingleton<IComplianceEventStore, PostgresComplianceEventStore>();
        silo.Services.AddSingleton<IFileStore, PostgresFileStore>();
        silo.Services.AddSingleton<ICatalogStore, PostgresCatalogStore>();
        silo.Services.AddSingleton<IOfferingMemberStore, PostgresOfferingMemberStore>();
        return silo;
    }
}

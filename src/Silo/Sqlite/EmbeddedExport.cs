using ComplianceGrains.Catalog;
using ComplianceGrains.Compliance;
using ComplianceGrains.Silo.Postgres;
using ComplianceGrains.Silo.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace ComplianceGrains.Silo.Sqlite;

/// <summary>
/// Copies every store of an embedded data directory into a PostgreSQL database, migrating it first, so that a
/// deployment can move from embedded mode to cluster mode with its data. Reminders are written through Orleans' own
/// ADO.NET provider (which computes their keys), grain states and the other stores through the cluster's store classes.
/// Meant for a database that holds no data of the service yet; the directory is locked while it runs.
/// </summary>
public sealed class EmbeddedExport(SqliteDatabase source, string connectionString, string serviceId)
{
    public async Task<IReadOnlyList<(string Store, int Rows)>> RunAsync(CancellationToken cancellationToken = default)
    {
        await new SchemaMigrator(connectionString).MigrateAsync(cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        using var reader = source.OpenReader();
        return
        [
            ("grain states", await CopyGrainStatesAsync(reader, dataSource)),
            ("reminders", await CopyRemindersAsync(reader)),
            ("catalog entries", await CopyCatalogsAsync(reader, new PostgresCatalogStore(dataSource))),
            ("offering members", await CopyMembersAsync(reader, new PostgresOfferingMemberStore(dataSource))),
            ("projection rows", await CopyProjectionAsync(reader, dataSource)),
            ("history entries", await CopyHistoryAsync(reader, dataSource)),
            ("files", await CopyFilesAsync(reader, dataSource)),
            ("events", await CopyEventsAsync(reader, dataSource)),
        ];
    }

    private async Task<int> CopyGrainStatesAsync(SqliteConnection reader, NpgsqlDataSource dataSource)
    {
        await using var storage = new PostgresGrainStorage(dataSource, serviceId, new StoredBytesSerializer(), legacy: null);
        var rows = 0;
        using var command = reader.Command("SELECT state_name, grain_id, payload FROM grain_state");
        using var states = command.ExecuteReader();
        var pending = new List<Task>();
        while (states.Read())
        {
            var state = new GrainState<BinaryData>(new BinaryData((byte[])states[2]));
            pending.Add(storage.WriteStateAsync(states.GetString(0), GrainId.Parse(states.GetString(1)), state));
            rows++;
            // Written in batches of the storage's group commit, a bounded number of payloads in memory at once.
            if (pending.Count == 256) await FlushAsync(pending);
        }
        await FlushAsync(pending);
        return rows;
    }

    private static async Task FlushAsync(List<Task> pending)
    {
        await Task.WhenAll(pending);
        pending.Clear();
    }

    private async Task<int> CopyRemindersAsync(SqliteConnection reader)
    {
        var services = new ServiceCollection().AddLogging();
        services.Configure<ClusterOptions>(options => options.ServiceId = serviceId);
        services.UseAdoNetReminderService(options => options.Configure(o =>
        {
            o.Invariant = ComplianceSilo.AdoNetInvariant;
            o.ConnectionString = connectionString;
        }));
        await using var provider = services.BuildServiceProvider();
        var table = provider.GetRequiredService<IReminderTable>();
        await table.StartAsync();
        var entries = (await new SqliteReminderTable(source).ReadRows(0, 0)).Reminders;
        foreach (var entry in entries) await table.UpsertRow(entry);
        return entries.Count;
    }

    private static async Task<int> CopyCatalogsAsync(SqliteConnection reader, ICatalogStore target)
    {
        var entries = reader.Rows(r => (r.GetString(0), r.GetGuid(1)), "SELECT catalog, id FROM catalog_entries ORDER BY position");
        foreach (var (catalog, id) in entries) await target.AddAsync(catalog, id);
        return entries.Count;
    }

    private static async Task<int> CopyMembersAsync(SqliteConnection reader, PostgresOfferingMemberStore target)
    {
        var members = reader.Rows(r => (r.GetGuid(0), r.GetGuid(1), r.GetGuid(2)),
            "SELECT offering_id, user_id, offering_user_id FROM offering_members");
        foreach (var (offering, user, offeringUser) in members) await target.TryAddAsync(offering, user, offeringUser);
        return members.Count;
    }

    private static async Task<int> CopyProjectionAsync(SqliteConnection reader, NpgsqlDataSource dataSource)
    {
        var snapshots = reader.Rows(r => SnapshotJson.Read(r.GetString(0)), "SELECT snapshot FROM projection_rows");
        await using var target = new PostgresComplianceProjection(dataSource, TimeProvider.System);
        await Task.WhenAll(snapshots.Select(target.UpsertAsync));
        return snapshots.Count;
    }

    private static async Task<int> CopyHistoryAsync(SqliteConnection reader, NpgsqlDataSource dataSource)
    {
        var entries = SqliteAnswerHistoryStore.ReadAll(reader).ToList();
        await using var target = new PostgresAnswerHistoryStore(dataSource);
        await Task.WhenAll(entries.Chunk(500).Select(chunk => target.AppendAsync(chunk)));
        return entries.Count;
    }

    private static async Task<int> CopyEventsAsync(SqliteConnection reader, NpgsqlDataSource dataSource)
    {
        var events = reader.Rows(r => System.Text.Json.JsonSerializer.Deserialize<ComplianceEvent>(r.GetString(0))!, "SELECT event FROM compliance_events");
        var target = new PostgresComplianceEventStore(dataSource);
        foreach (var chunk in events.Chunk(500)) await target.AppendAsync(chunk);
        return events.Count;
    }

    private static async Task<int> CopyFilesAsync(SqliteConnection reader, NpgsqlDataSource dataSource)
    {
        var files = reader.Rows(r => (r.GetGuid(0), r.GetString(1), new StoredFile(r.GetString(2), r.GetString(3), (byte[])r[4])),
            "SELECT offering_user_id, id, name, mime_type, content FROM files");
        var target = new PostgresFileStore(dataSource);
        foreach (var (offeringUser, id, file) in files) await target.SaveAsync(offeringUser, id, file);
        return files.Count;
    }
}

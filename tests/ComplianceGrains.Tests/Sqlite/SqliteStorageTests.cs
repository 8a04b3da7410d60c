using ComplianceGrains.Silo;
using ComplianceGrains.Silo.Schema;
using ComplianceGrains.Silo.Sqlite;
using ComplianceGrains.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace ComplianceGrains.Tests.Sqlite;

public sealed class SqliteStorageTests
{
    [Fact]
    public async Task Grain_storage_rejects_writes_and_clears_with_a_stale_etag()
    {
        using var directory = new TemporaryDirectory();
        await using var database = SqliteDatabase.Open(directory.Path);
        await using var services = new ServiceCollection()
            .AddSerializer(builder => builder.AddAssembly(typeof(ComplianceGrains.Identity.UsernameState).Assembly))
            .BuildServiceProvider();
        var storage = new SqliteGrainStorage(database, new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()));
        await GrainStorageContract.StaleETagsAreRejectedAsync(storage);
    }

    [Fact]
    public async Task The_schema_is_created_on_first_open_and_left_alone_on_the_next()
    {
        using var directory = new TemporaryDirectory();
        await using (var first = SqliteDatabase.Open(directory.Path))
            Assert.Equal(SchemaScript.EmbeddedSqlite.Select(s => s.Version), first.Migration.Select(s => s.Version));
        await using var second = SqliteDatabase.Open(directory.Path);
        Assert.Empty(second.Migration);
    }

    [Fact]
    public async Task A_data_file_of_the_first_schema_keeps_its_states_and_rows_when_they_move_into_tables_with_row_ids()
    {
        using var directory = new TemporaryDirectory();
        var file = $"Data Source={Path.Combine(directory.Path, SqliteDatabase.FileName)};Pooling=False";
        var (payload, snapshot, id) = (new byte[1700], new string('x', 2100), Guid.NewGuid().ToByteArray());
        Random.Shared.NextBytes(payload);
        await using (var before = new SqliteConnection(file))
        {
            before.Open();
            new SqliteSchemaMigrator(before, SchemaScript.EmbeddedSqlite.Where(s => string.CompareOrdinal(s.Version, "003") < 0).ToList()).Migrate();
            before.Execute("INSERT INTO grain_state VALUES ('offering-user', 'g/1', $1, 'e1')", payload);
            before.Execute("INSERT INTO projection_rows VALUES ($1, 7, $2)", id, snapshot);
        }

        await using (var database = SqliteDatabase.Open(directory.Path))
            Assert.Contains(database.Migration, script => script.Version == "003");

        await using var after = new SqliteConnection(file);
        after.Open();
        var (storedPayload, storedETag) = Assert.Single(after.Rows(r => ((byte[])r[0], r.GetString(1)),
            "SELECT payload, etag FROM grain_state WHERE state_name = 'offering-user' AND grain_id = 'g/1'"));
        Assert.Equal(payload, storedPayload);
        Assert.Equal("e1", storedETag);
        Assert.Equal([(7L, snapshot)], after.Rows(r => (r.GetInt64(0), r.GetString(1)), "SELECT version, snapshot FROM projection_rows WHERE id = $1", id));
        Assert.Equal(0L, after.Scalar("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%WITHOUT ROWID%' AND name IN ('grain_state', 'projection_rows')"));
    }

    [Fact]
    public async Task A_data_file_written_by_a_newer_build_is_refused_with_its_path_and_version()
    {
        using var directory = new TemporaryDirectory();
        await using (SqliteDatabase.Open(directory.Path)) { }
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(directory.Path, SqliteDatabase.FileName)};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations VALUES ('999', 'from_the_future', 'x', 'now')";
            command.ExecuteNonQuery();
        }

        var refused = Assert.Throws<InvalidOperationException>(() => SqliteDatabase.Open(directory.Path));
        Assert.Contains("999", refused.Message);
        Assert.Contains(directory.Path, refused.Message);
        // The refusal released the directory: the next open meets the same refusal, not a lock.
        Assert.Throws<InvalidOperationException>(() => SqliteDatabase.Open(directory.Path));
    }

    [Fact]
    public async Task A_second_open_of_a_directory_in_use_is_refused_naming_it_and_the_first_keeps_writing()
    {
        using var directory = new TemporaryDirectory();
        await using var first = SqliteDatabase.Open(directory.Path);

        var refused = Assert.Throws<DataDirectoryInUseException>(() => SqliteDatabase.Open(directory.Path));

        Assert.Contains(directory.Path, refused.Message);
        var store = new SqliteCatalogStore(first);
        var id = Guid.NewGuid();
        await store.AddAsync("probe", id);
        Assert.Equal([id], await new SqliteCatalogStore(first).ListAsync("probe"));
    }

    [Fact]
    public async Task A_refused_write_of_a_group_leaves_the_others_committed()
    {
        using var directory = new TemporaryDirectory();
        await using var database = SqliteDatabase.Open(directory.Path);
        var catalog = new SqliteCatalogStore(database);
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();

        var writes = ids.Select(id => catalog.AddAsync("group", id)).ToList();
        var failing = database.WriteAsync(connection => connection.Execute("INSERT INTO no_such_table VALUES (1)"));
        writes.AddRange(ids.Select(id => catalog.AddAsync("group", id)));

        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Equal(ids, await new SqliteCatalogStore(database).ListAsync("group"));
    }
}

using ComplianceGrains.Silo.Schema;

namespace ComplianceGrains.Tests.Postgres;

public sealed class MigrationTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    [PostgresFact]
    public async Task Migrating_applies_every_script_once_and_records_its_version()
    {
        var database = await fixture.CreateDatabaseAsync();
        var migrator = new SchemaMigrator(database);

        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();

        Assert.Equal(SchemaScript.Embedded.Select(script => script.Version), first.Select(script => script.Version));
        Assert.Empty(second);
        var recorded = await Sql.QueryAsync<string>(database, "SELECT version FROM schema_migrations ORDER BY version");
        Assert.Equal(SchemaScript.Embedded.Select(script => script.Version), recorded);
    }

    [PostgresFact]
    public async Task Concurrent_migrations_apply_each_script_once()
    {
        var database = await fixture.CreateDatabaseAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => new SchemaMigrator(database).MigrateAsync()));

        Assert.Equal(SchemaScript.Embedded.Count, runs.Sum(applied => applied.Count));
    }

    [PostgresFact]
    public async Task A_script_changed_after_it_was_applied_is_refused()
    {
        var database = await fixture.CreateDatabaseAsync();
        var original = new SchemaScript("001", "example", "CREATE TABLE example (id int)");
        await new SchemaMigrator(database, [original]).MigrateAsync();

        var changed = original with { Sql = "CREATE TABLE example (id bigint)" };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SchemaMigrator(database, [changed]).MigrateAsync());

        Assert.Contains("001_example", error.Message);
    }

    [PostgresFact]
    public async Task A_failing_script_leaves_nothing_behind_and_is_not_recorded()
    {
        var database = await fixture.CreateDatabaseAsync();
        var broken = new SchemaScript("001", "broken", "CREATE TABLE half_done (id int); SELECT no_such_column FROM half_done;");

        await Assert.ThrowsAnyAsync<Exception>(() => new SchemaMigrator(database, [broken]).MigrateAsync());

        Assert.Empty(await Sql.QueryAsync<string>(database, "SELECT version FROM schema_migrations"));
        Assert.Empty(await Sql.QueryAsync<string>(database, "SELECT tablename::text FROM pg_tables WHERE tablename = 'half_done'"));
    }
}

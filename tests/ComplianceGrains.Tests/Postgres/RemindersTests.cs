namespace ComplianceGrains.Tests.Postgres;

public sealed class RemindersTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [PostgresFact]
    public async Task A_registered_reminder_is_stored_until_it_is_unregistered()
    {
        await using var cluster = await PostgresTestCluster.StartAsync(database.ConnectionString, Guid.NewGuid().ToString("N"));
        var key = Guid.NewGuid().ToString("N");
        var probe = cluster.Client.GetGrain<IReminderProbeGrain>(key);

        await probe.RegisterAsync("resume-job");

        Assert.True(await probe.HasReminderAsync("resume-job"));
        Assert.Equal(["resume-job"], await StoredRemindersAsync(key));

        await probe.UnregisterAsync("resume-job");

        Assert.False(await probe.HasReminderAsync("resume-job"));
        Assert.Empty(await StoredRemindersAsync(key));
    }

    private Task<List<string>> StoredRemindersAsync(string grainKey) =>
        Sql.QueryAsync<string>(database.ConnectionString,
            "SELECT reminder_name FROM orleans_reminders WHERE grain_id LIKE '%' || @key", ("key", grainKey));
}

public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task RegisterAsync(string name);

    Task<bool> HasReminderAsync(string name);

    Task UnregisterAsync(string name);
}

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public Task RegisterAsync(string name) => this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public async Task<bool> HasReminderAsync(string name) => await this.GetReminder(name) is not null;

    public async Task UnregisterAsync(string name) => await this.UnregisterReminder((await this.GetReminder(name))!);

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}

using ComplianceGrains.Catalog;
using ComplianceGrains.Domain;
using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace ComplianceGrains.WebApi.Hosting;

/// <summary>
/// Creates the staff user <c>admin</c> on first start. Its token is <c>COMPLIANCE_ADMIN_TOKEN</c> when set
/// (registered at every start), otherwise a random token printed once.
/// </summary>
public sealed class AdminBootstrapper(IGrainFactory grains, IConfiguration configuration, ILogger<AdminBootstrapper> logger)
    : IHostedService
{
    public const string AdminUsername = "admin";
    public const string TokenVariable = "COMPLIANCE_ADMIN_TOKEN";

    /// <summary>
    /// A cluster that is still forming may not answer within the front end's response timeout; every step is idempotent,
    /// so the whole is tried again until it succeeds or the host stops.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await EnsureAdminAsync();
                return;
            }
            catch (Exception e) when (e is TimeoutException or OrleansMessageRejectionException or ConnectionFailedException
                && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("The cluster did not answer while the admin user was set up ({Reason}); trying again", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private async Task EnsureAdminAsync()
    {
        var usernames = grains.GetGrain<IUsernameGrain>(AdminUsername);
        if (await usernames.GetUserIdAsync() is not { } adminId)
        {
            var reserved = Guid.NewGuid();
            adminId = await usernames.ReserveAsync(reserved) ? reserved : (await usernames.GetUserIdAsync())!.Value;
        }

        var admin = grains.GetGrain<IUserGrain>(adminId);
        var created = false;
        if (!await admin.ExistsAsync())
        {
            try
            {
                await admin.CreateAsync(new NewUser(AdminUsername, "Administrator", "", null, IsStaff: true, IsSupport: false));
                created = true;
            }
            catch (ValidationException)
            {
                // Created by an earlier attempt whose answer did not arrive, or by another front end.
            }
        }
        await grains.GetGrain<ICatalogGrain>(CatalogNames.Users).AddAsync(adminId);

        if (configuration[TokenVariable] is { Length: > 0 } configured)
        {
            await admin.RegisterTokenAsync(configured);
        }
        else if (created)
        {
            var token = TokenHashing.NewToken();
            await admin.RegisterTokenAsync(token);
            logger.LogWarning("Created the staff user 'admin'. Its API token (shown once): {Token}", token);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

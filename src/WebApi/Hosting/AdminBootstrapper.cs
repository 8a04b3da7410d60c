using ComplianceGrains.Catalog;
using ComplianceGrains.Domain;
using ComplianceGrains.Identity;

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

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var usernames = grains.GetGrain<IUsernameGrain>(AdminUsername);
        var created = false;
        if (await usernames.GetUserIdAsync() is not { } adminId)
        {
            adminId = Guid.NewGuid();
            if (await usernames.ReserveAsync(adminId))
            {
                await grains.GetGrain<IUserGrain>(adminId)
                    .CreateAsync(new NewUser(AdminUsername, "Administrator", "", null, IsStaff: true, IsSupport: false));
                await grains.GetGrain<ICatalogGrain>(CatalogNames.Users).AddAsync(adminId);
                created = true;
            }
            else
            {
                adminId = (await usernames.GetUserIdAsync())!.Value;
            }
        }

        var admin = grains.GetGrain<IUserGrain>(adminId);
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

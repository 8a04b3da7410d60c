using ComplianceGrains.Checklists;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;

namespace ComplianceGrains.Tests.Support;

/// <summary>
/// Builds the objects a grain test needs directly through the grains, each under fresh keys,
/// so that tests sharing one cluster never see each other's objects by accident.
/// </summary>
public sealed class GrainBuilder(IGrainFactory grains)
{
    public const string Password = "secret-password";

    public IGrainFactory Grains { get; } = grains;

    /// <summary>A staff user made for this world.</summary>
    public async Task<GrainUser> StaffAsync() => await CreateUserAsync(staff: true);

    /// <summary>Creates a user the way the API does: reserve the username, then create the user grain.</summary>
    public async Task<GrainUser> CreateUserAsync(bool staff = false, bool support = false, string? password = Password)
    {
        var id = Guid.NewGuid();
        var username = $"user-{id:N}";
        Assert.True(await Grains.GetGrain<IUsernameGrain>(username).ReserveAsync(id));
        await Grains.GetGrain<IUserGrain>(id).CreateAsync(
            new NewUser(username, $"Full {username}", $"{username}@example.com", password, staff, support));
        return new GrainUser(id, username, new Caller(id, staff, support));
    }

    public async Task<Guid> CreateCustomerAsync(Caller staff, string? name = null)
    {
        var id = Guid.NewGuid();
        await Grains.GetGrain<ICustomerGrain>(id).CreateAsync(staff, name ?? $"customer-{id:N}");
        return id;
    }

    public Task AddRoleAsync(Caller staff, Guid customer, GrainUser user, CustomerRole role) =>
        Grains.GetGrain<ICustomerGrain>(customer).AddUserAsync(staff, user.Id, role);

    public async Task<Guid> CreateProviderAsync(Caller staff, Guid customer)
    {
        var id = Guid.NewGuid();
        await Grains.GetGrain<IServiceProviderGrain>(id).CreateAsync(staff, customer, "provider");
        return id;
    }

    public async Task<Guid> CreateChecklistAsync(Caller staff, string type = ChecklistTypes.OfferingCompliance, string? name = null)
    {
        var id = Guid.NewGuid();
        await Grains.GetGrain<IChecklistGrain>(id).CreateAsync(staff, new ChecklistFields(name ?? $"checklist-{id:N}", "", type));
        return id;
    }

    public async Task<Guid> CreateOfferingAsync(Caller caller, Guid customer, Guid? checklist = null, string? name = null)
    {
        var id = Guid.NewGuid();
        await Grains.GetGrain<IOfferingGrain>(id).CreateAsync(caller, new NewOffering(name ?? $"offering-{id:N}", "", customer, checklist));
        return id;
    }

    public async Task<Guid> CreateOfferingUserAsync(Caller caller, Guid offering, GrainUser user, string? username = null)
    {
        var id = Guid.NewGuid();
        await Grains.GetGrain<IOfferingUserGrain>(id).CreateAsync(caller, offering, user.Id, username);
        return id;
    }

    /// <summary>A customer with a service provider, an offering, and one new user in each customer role.</summary>
    public async Task<ProviderSetup> CreateProviderSetupAsync(Guid? checklist = null)
    {
        var staff = await StaffAsync();
        var customer = await CreateCustomerAsync(staff.Caller);
        var provider = await CreateProviderAsync(staff.Caller, customer);
        var owner = await CreateUserAsync();
        var manager = await CreateUserAsync();
        var supportRole = await CreateUserAsync();
        await AddRoleAsync(staff.Caller, customer, owner, CustomerRole.Owner);
        await AddRoleAsync(staff.Caller, customer, manager, CustomerRole.Manager);
        await AddRoleAsync(staff.Caller, customer, supportRole, CustomerRole.Support);
        var offering = await CreateOfferingAsync(staff.Caller, customer, checklist);
        return new ProviderSetup(staff, customer, provider, offering, owner, manager, supportRole);
    }
}

public sealed record GrainUser(Guid Id, string Username, Caller Caller);

public sealed record ProviderSetup(
    GrainUser Staff, Guid Customer, Guid Provider, Guid Offering, GrainUser Owner, GrainUser Manager, GrainUser SupportRole);

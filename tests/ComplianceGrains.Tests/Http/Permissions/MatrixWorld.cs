using System.Runtime.CompilerServices;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http.Permissions;

/// <summary>
/// The callers and objects the permission matrix runs against: one customer with a service provider, an offering
/// with an offering user, a checklist with a question and an option. Built once per <see cref="ApiFactory"/>;
/// a row that changes or deletes something works on a fresh object of its own (the <c>New…Async</c> methods),
/// so that rows do not depend on each other.
/// </summary>
public sealed class MatrixWorld
{
    private static readonly ConditionalWeakTable<ApiFactory, Task<MatrixWorld>> Worlds = new();

    private MatrixWorld(ApiWorld api) => Api = api;

    public ApiWorld Api { get; }

    public IReadOnlyDictionary<CallerKind, TestUser> Users { get; private set; } = null!;

    public string Customer { get; private set; } = "";

    public string Provider { get; private set; } = "";

    public string Offering { get; private set; } = "";

    /// <summary>The offering user of <see cref="CallerKind.OfferingUserSelf"/> in <see cref="Offering"/>.</summary>
    public string OfferingUser { get; private set; } = "";

    /// <summary>A user related to nobody, the target of reads of "another user".</summary>
    public string Bystander { get; private set; } = "";

    /// <summary>A user that can log in and is never a caller, so logins do not disturb the callers' tokens.</summary>
    public string LoginUsername { get; private set; } = "";

    public string Checklist { get; private set; } = "";

    public string Question { get; private set; } = "";

    public string Option { get; private set; } = "";

    public static Task<MatrixWorld> GetAsync(ApiFactory factory) => Worlds.GetValue(factory, f => BuildAsync(new ApiWorld(f)));

    /// <summary>The client of a kind of caller and, unless anonymous, the user behind it.</summary>
    public (ApiClient Client, TestUser? User) Caller(CallerKind kind) =>
        kind == CallerKind.Anonymous ? (Api.Anonymous, null) : (Users[kind].Client, Users[kind]);

    private static async Task<MatrixWorld> BuildAsync(ApiWorld api)
    {
        var world = new MatrixWorld(api);
        var users = new Dictionary<CallerKind, TestUser>
        {
            [CallerKind.Staff] = await api.CreateUserAsync(staff: true),
            [CallerKind.GlobalSupport] = await api.CreateUserAsync(support: true),
            [CallerKind.CustomerOwner] = await api.CreateUserAsync(),
            [CallerKind.CustomerManager] = await api.CreateUserAsync(),
            [CallerKind.CustomerSupport] = await api.CreateUserAsync(),
            [CallerKind.OfferingUserSelf] = await api.CreateUserAsync(),
            [CallerKind.Unrelated] = await api.CreateUserAsync(),
        };
        world.Users = users;
        world.Customer = await world.NewCustomerWithRolesAsync();
        world.Provider = await api.CreateProviderAsync(world.Customer);
        world.Offering = await api.CreateOfferingAsync(world.Customer);
        world.OfferingUser = await api.CreateOfferingUserAsync(world.Offering, users[CallerKind.OfferingUserSelf]);
        world.Bystander = await api.CreateUserRecordAsync();
        world.LoginUsername = (await api.CreateUserAsync()).Username;
        (world.Checklist, world.Question) = await world.NewQuestionAsync();
        world.Option = await api.CreateOptionAsync(world.Question, "Option");
        return world;
    }

    /// <summary>A customer without a service provider in which the three customer-role callers hold their roles.</summary>
    public async Task<string> NewCustomerWithRolesAsync()
    {
        var customer = await Api.CreateCustomerAsync();
        await Api.AddRoleAsync(customer, Users[CallerKind.CustomerOwner], "owner");
        await Api.AddRoleAsync(customer, Users[CallerKind.CustomerManager], "manager");
        await Api.AddRoleAsync(customer, Users[CallerKind.CustomerSupport], "support");
        return customer;
    }

    /// <summary>A user holding the customer's support role, to be removed by <c>delete_user/</c>.</summary>
    public async Task<string> NewCustomerMemberAsync()
    {
        var user = await Api.CreateUserRecordAsync();
        await Api.AddRoleAsync(Customer, user, "support");
        return user;
    }

    public Task<string> NewOfferingAsync() => Api.CreateOfferingAsync(Customer);

    /// <summary>An offering user of <see cref="CallerKind.OfferingUserSelf"/> in a new offering of the customer.</summary>
    public async Task<string> NewOwnOfferingUserAsync() =>
        await Api.CreateOfferingUserAsync(await NewOfferingAsync(), Users[CallerKind.OfferingUserSelf]);

    public Task<string> NewChecklistAsync() => Api.CreateChecklistAsync();

    public async Task<(string Checklist, string Question)> NewQuestionAsync()
    {
        var checklist = await Api.CreateChecklistAsync();
        return (checklist, await Api.CreateQuestionAsync(checklist, new { description = ApiWorld.Unique("question") }));
    }

    public async Task<(string Question, string Option)> NewOptionAsync()
    {
        var (_, question) = await NewQuestionAsync();
        return (question, await Api.CreateOptionAsync(question, "Option"));
    }
}

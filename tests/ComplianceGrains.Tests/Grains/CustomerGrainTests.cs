using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Grains;

/// <summary>Customers: staff-only creation, visibility, membership management and the role permissions (API.md §1).</summary>
[Collection(ClusterCollection.Name)]
public sealed class CustomerGrainTests(TestClusterFixture fixture)
{
    private readonly GrainBuilder _world = new(fixture.Grains);

    private ICustomerGrain Customer(Guid id) => _world.Grains.GetGrain<ICustomerGrain>(id);

    private async Task<IReadOnlyDictionary<Guid, CustomerRole>> RolesOfAsync(GrainUser user) =>
        (await _world.Grains.GetGrain<IUserGrain>(user.Id).GetAsync(user.Caller)).CustomerRoles;

    [Fact]
    public async Task Staff_creates_a_customer_that_reads_back()
    {
        var staff = await _world.StaffAsync();
        var id = Guid.NewGuid();
        var created = await Customer(id).CreateAsync(staff.Caller, "Acme");
        var read = await Customer(id).GetAsync(staff.Caller);
        Assert.Equal(id, read.Id);
        Assert.Equal("Acme", read.Name);
        Assert.Null(read.ServiceProviderId);
        Assert.Empty(read.Members);
        Assert.Equal(created.Created, read.Created);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public async Task Only_staff_may_create_a_customer(bool staff, bool support)
    {
        var caller = await _world.CreateUserAsync(staff: staff, support: support);
        var id = Guid.NewGuid();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Customer(id).CreateAsync(caller.Caller, "Nope"));
        var admin = await _world.StaffAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => Customer(id).GetAsync(admin.Caller));
    }

    [Fact]
    public async Task Creating_a_customer_twice_is_refused()
    {
        var staff = await _world.StaffAsync();
        var id = await _world.CreateCustomerAsync(staff.Caller, "First");
        await Assert.ThrowsAsync<ValidationException>(() => Customer(id).CreateAsync(staff.Caller, "Second"));
        Assert.Equal("First", (await Customer(id).GetAsync(staff.Caller)).Name);
    }

    // --- visibility ---

    [Fact]
    public async Task Members_of_every_role_staff_and_support_see_the_customer()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var support = await _world.CreateUserAsync(support: true);
        foreach (var reader in new[] { setup.Owner, setup.Manager, setup.SupportRole, setup.Staff, support })
            Assert.Equal(setup.Customer, (await Customer(setup.Customer).GetAsync(reader.Caller)).Id);
    }

    [Fact]
    public async Task Non_members_and_anonymous_get_not_found()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var stranger = await _world.CreateUserAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => Customer(setup.Customer).GetAsync(stranger.Caller));
        await Assert.ThrowsAsync<NotFoundException>(() => Customer(setup.Customer).GetAsync(Caller.Anonymous));
    }

    [Fact]
    public async Task An_unknown_customer_is_not_found_even_for_staff()
    {
        var staff = await _world.StaffAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => Customer(Guid.NewGuid()).GetAsync(staff.Caller));
    }

    // --- membership ---

    [Fact]
    public async Task Adding_a_user_records_the_role_on_the_customer_and_on_the_user()
    {
        var staff = await _world.StaffAsync();
        var customer = await _world.CreateCustomerAsync(staff.Caller);
        var user = await _world.CreateUserAsync();

        await Customer(customer).AddUserAsync(staff.Caller, user.Id, CustomerRole.Manager);

        Assert.Equal(CustomerRole.Manager, (await Customer(customer).GetAsync(staff.Caller)).Members[user.Id]);
        Assert.Equal(CustomerRole.Manager, (await RolesOfAsync(user))[customer]);
        Assert.True(await Customer(customer).IsMemberAsync(user.Caller));
    }

    [Fact]
    public async Task Adding_a_member_again_changes_their_role()
    {
        var setup = await _world.CreateProviderSetupAsync();
        await Customer(setup.Customer).AddUserAsync(setup.Staff.Caller, setup.SupportRole.Id, CustomerRole.Owner);

        Assert.Equal(CustomerRole.Owner, (await Customer(setup.Customer).GetAsync(setup.Staff.Caller)).Members[setup.SupportRole.Id]);
        Assert.Equal(CustomerRole.Owner, (await RolesOfAsync(setup.SupportRole))[setup.Customer]);
        Assert.True(await Customer(setup.Customer).HasPermissionAsync(setup.SupportRole.Caller, Permission.OfferingUpdateOptions));
    }

    [Fact]
    public async Task A_user_keeps_separate_roles_in_separate_customers()
    {
        var staff = await _world.StaffAsync();
        var first = await _world.CreateCustomerAsync(staff.Caller);
        var second = await _world.CreateCustomerAsync(staff.Caller);
        var user = await _world.CreateUserAsync();
        await _world.AddRoleAsync(staff.Caller, first, user, CustomerRole.Owner);
        await _world.AddRoleAsync(staff.Caller, second, user, CustomerRole.Support);

        var roles = await RolesOfAsync(user);
        Assert.Equal(CustomerRole.Owner, roles[first]);
        Assert.Equal(CustomerRole.Support, roles[second]);
        Assert.False(await Customer(second).HasPermissionAsync(user.Caller, Permission.OfferingUpdateUser));
    }

    [Fact]
    public async Task Removing_a_user_clears_the_role_on_both_sides()
    {
        var setup = await _world.CreateProviderSetupAsync();
        await Customer(setup.Customer).RemoveUserAsync(setup.Staff.Caller, setup.Manager.Id);

        Assert.DoesNotContain(setup.Manager.Id, (await Customer(setup.Customer).GetAsync(setup.Staff.Caller)).Members.Keys);
        Assert.DoesNotContain(setup.Customer, (await RolesOfAsync(setup.Manager)).Keys);
        Assert.False(await Customer(setup.Customer).IsMemberAsync(setup.Manager.Caller));
        Assert.False(await Customer(setup.Customer).HasPermissionAsync(setup.Manager.Caller, Permission.OfferingUpdateUser));
        await Assert.ThrowsAsync<NotFoundException>(() => Customer(setup.Customer).GetAsync(setup.Manager.Caller));
    }

    [Fact]
    public async Task Removing_a_user_who_is_not_a_member_is_a_validation_error()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var stranger = await _world.CreateUserAsync();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Customer(setup.Customer).RemoveUserAsync(setup.Staff.Caller, stranger.Id));
        Assert.True(error.Errors.ContainsKey("user"));
    }

    [Fact]
    public async Task Adding_an_unknown_user_is_a_field_error_and_adds_nobody()
    {
        var staff = await _world.StaffAsync();
        var customer = await _world.CreateCustomerAsync(staff.Caller);
        var unknown = Guid.NewGuid();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Customer(customer).AddUserAsync(staff.Caller, unknown, CustomerRole.Owner));
        Assert.Equal([$"Object with uuid={unknown:N} does not exist."], error.Errors["user"]);
        Assert.Empty((await Customer(customer).GetAsync(staff.Caller)).Members);
    }

    [Fact]
    public async Task An_owner_may_add_and_remove_users()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var newcomer = await _world.CreateUserAsync();
        await Customer(setup.Customer).AddUserAsync(setup.Owner.Caller, newcomer.Id, CustomerRole.Manager);
        Assert.Equal(CustomerRole.Manager, (await RolesOfAsync(newcomer))[setup.Customer]);

        await Customer(setup.Customer).RemoveUserAsync(setup.Owner.Caller, newcomer.Id);
        Assert.Empty(await RolesOfAsync(newcomer));
    }

    [Theory]
    [InlineData(CustomerRole.Manager)]
    [InlineData(CustomerRole.Support)]
    public async Task Managers_and_support_members_may_not_add_or_remove_users(CustomerRole role)
    {
        var setup = await _world.CreateProviderSetupAsync();
        var actor = role == CustomerRole.Manager ? setup.Manager : setup.SupportRole;
        var newcomer = await _world.CreateUserAsync();

        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Customer(setup.Customer).AddUserAsync(actor.Caller, newcomer.Id, CustomerRole.Owner));
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Customer(setup.Customer).RemoveUserAsync(actor.Caller, setup.Owner.Id));

        Assert.Empty(await RolesOfAsync(newcomer));
        Assert.Equal(CustomerRole.Owner, (await RolesOfAsync(setup.Owner))[setup.Customer]);
    }

    [Fact]
    public async Task Global_support_may_see_but_not_add_users()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var support = await _world.CreateUserAsync(support: true);
        var newcomer = await _world.CreateUserAsync();
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Customer(setup.Customer).AddUserAsync(support.Caller, newcomer.Id, CustomerRole.Owner));
        Assert.Empty(await RolesOfAsync(newcomer));
    }

    [Fact]
    public async Task A_non_member_cannot_even_see_the_customer_to_add_users()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var stranger = await _world.CreateUserAsync();
        await Assert.ThrowsAsync<NotFoundException>(() =>
            Customer(setup.Customer).AddUserAsync(stranger.Caller, stranger.Id, CustomerRole.Owner));
        Assert.Empty(await RolesOfAsync(stranger));
    }

    // --- permissions ---

    /// <summary>API.md §1, written out: role → (UPDATE_USER, UPDATE_OPTIONS, LIST_CUSTOMERS).</summary>
    public static TheoryData<CustomerRole, Permission, bool> RoleMatrix => new()
    {
        { CustomerRole.Owner, Permission.OfferingUpdateUser, true },
        { CustomerRole.Owner, Permission.OfferingUpdateOptions, true },
        { CustomerRole.Owner, Permission.ServiceProviderListCustomers, true },
        { CustomerRole.Manager, Permission.OfferingUpdateUser, true },
        { CustomerRole.Manager, Permission.OfferingUpdateOptions, true },
        { CustomerRole.Manager, Permission.ServiceProviderListCustomers, true },
        { CustomerRole.Support, Permission.OfferingUpdateUser, false },
        { CustomerRole.Support, Permission.OfferingUpdateOptions, false },
        { CustomerRole.Support, Permission.ServiceProviderListCustomers, true },
    };

    [Theory]
    [MemberData(nameof(RoleMatrix))]
    public async Task A_member_has_exactly_the_permissions_of_their_role(CustomerRole role, Permission permission, bool granted)
    {
        var staff = await _world.StaffAsync();
        var customer = await _world.CreateCustomerAsync(staff.Caller);
        var member = await _world.CreateUserAsync();
        await _world.AddRoleAsync(staff.Caller, customer, member, role);
        Assert.Equal(granted, await Customer(customer).HasPermissionAsync(member.Caller, permission));
    }

    [Theory]
    [InlineData(Permission.OfferingUpdateUser)]
    [InlineData(Permission.OfferingUpdateOptions)]
    [InlineData(Permission.ServiceProviderListCustomers)]
    public async Task Staff_pass_every_permission_check_and_strangers_none(Permission permission)
    {
        var staff = await _world.StaffAsync();
        var customer = await _world.CreateCustomerAsync(staff.Caller);
        var stranger = await _world.CreateUserAsync();
        Assert.True(await Customer(customer).HasPermissionAsync(staff.Caller, permission));
        Assert.False(await Customer(customer).HasPermissionAsync(stranger.Caller, permission));
        Assert.False(await Customer(customer).HasPermissionAsync(Caller.Anonymous, permission));
    }

    [Theory]
    [InlineData(Permission.OfferingUpdateUser)]
    [InlineData(Permission.OfferingUpdateOptions)]
    public async Task Global_support_holds_no_write_permission(Permission permission)
    {
        var staff = await _world.StaffAsync();
        var customer = await _world.CreateCustomerAsync(staff.Caller);
        var support = await _world.CreateUserAsync(support: true);
        Assert.False(await Customer(customer).HasPermissionAsync(support.Caller, permission));
    }

    [Fact]
    public async Task A_role_in_one_customer_grants_nothing_in_another()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var other = await _world.CreateCustomerAsync(setup.Staff.Caller);
        Assert.False(await Customer(other).HasPermissionAsync(setup.Owner.Caller, Permission.OfferingUpdateOptions));
        Assert.False(await Customer(other).IsMemberAsync(setup.Owner.Caller));
    }
}

using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Grains;

/// <summary>Service providers: one per customer, created by staff or the customer's owner, readable by any authenticated caller.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ServiceProviderGrainTests(TestClusterFixture fixture)
{
    private readonly GrainBuilder _world = new(fixture.Grains);

    private IServiceProviderGrain Provider(Guid id) => _world.Grains.GetGrain<IServiceProviderGrain>(id);

    private async Task<(GrainUser Staff, Guid Customer)> CustomerAsync()
    {
        var staff = await _world.StaffAsync();
        return (staff, await _world.CreateCustomerAsync(staff.Caller, $"Customer {Guid.NewGuid():N}"));
    }

    [Fact]
    public async Task Staff_creates_a_provider_that_names_its_customer()
    {
        var (staff, customer) = await CustomerAsync();
        var customerName = (await _world.Grains.GetGrain<ICustomerGrain>(customer).GetAsync(staff.Caller)).Name;
        var id = Guid.NewGuid();

        var created = await Provider(id).CreateAsync(staff.Caller, customer, "We host things");

        Assert.Equal(id, created.Id);
        Assert.Equal(customer, created.CustomerId);
        Assert.Equal(customerName, created.CustomerName);
        Assert.Equal("We host things", created.Description);
        Assert.Empty(created.OfferingIds);
        Assert.Equal(id, (await _world.Grains.GetGrain<ICustomerGrain>(customer).GetAsync(staff.Caller)).ServiceProviderId);
    }

    [Fact]
    public async Task The_customers_owner_may_create_its_provider()
    {
        var (staff, customer) = await CustomerAsync();
        var owner = await _world.CreateUserAsync();
        await _world.AddRoleAsync(staff.Caller, customer, owner, CustomerRole.Owner);
        var id = Guid.NewGuid();
        await Provider(id).CreateAsync(owner.Caller, customer, "");
        Assert.Equal(customer, (await Provider(id).GetAsync(owner.Caller)).CustomerId);
    }

    [Theory]
    [InlineData(CustomerRole.Manager)]
    [InlineData(CustomerRole.Support)]
    public async Task Other_members_may_not_create_the_provider(CustomerRole role)
    {
        var (staff, customer) = await CustomerAsync();
        var member = await _world.CreateUserAsync();
        await _world.AddRoleAsync(staff.Caller, customer, member, role);
        var id = Guid.NewGuid();

        await Assert.ThrowsAsync<PermissionDeniedException>(() => Provider(id).CreateAsync(member.Caller, customer, ""));

        Assert.Null((await _world.Grains.GetGrain<ICustomerGrain>(customer).GetAsync(staff.Caller)).ServiceProviderId);
        await Assert.ThrowsAsync<NotFoundException>(() => Provider(id).GetAsync(staff.Caller));
    }

    [Fact]
    public async Task Global_support_may_not_create_a_provider()
    {
        var (staff, customer) = await CustomerAsync();
        var support = await _world.CreateUserAsync(support: true);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Provider(Guid.NewGuid()).CreateAsync(support.Caller, customer, ""));
        Assert.Null((await _world.Grains.GetGrain<ICustomerGrain>(customer).GetAsync(staff.Caller)).ServiceProviderId);
    }

    [Fact]
    public async Task A_caller_who_cannot_see_the_customer_gets_a_customer_field_error()
    {
        var (_, customer) = await CustomerAsync();
        var stranger = await _world.CreateUserAsync();
        var error = await Assert.ThrowsAsync<ValidationException>(() => Provider(Guid.NewGuid()).CreateAsync(stranger.Caller, customer, ""));
        Assert.True(error.Errors.ContainsKey("customer"));
    }

    [Fact]
    public async Task An_unknown_customer_is_a_customer_field_error()
    {
        var staff = await _world.StaffAsync();
        var unknown = Guid.NewGuid();
        var error = await Assert.ThrowsAsync<ValidationException>(() => Provider(Guid.NewGuid()).CreateAsync(staff.Caller, unknown, ""));
        Assert.Equal([$"Object with uuid={unknown:N} does not exist."], error.Errors["customer"]);
    }

    [Fact]
    public async Task A_second_provider_for_the_same_customer_is_refused()
    {
        var (staff, customer) = await CustomerAsync();
        var first = await _world.CreateProviderAsync(staff.Caller, customer);
        var second = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<ValidationException>(() => Provider(second).CreateAsync(staff.Caller, customer, ""));

        Assert.True(error.Errors.ContainsKey("customer"));
        await Assert.ThrowsAsync<NotFoundException>(() => Provider(second).GetAsync(staff.Caller));
        Assert.Equal(first, (await _world.Grains.GetGrain<ICustomerGrain>(customer).GetAsync(staff.Caller)).ServiceProviderId);
    }

    [Fact]
    public async Task Concurrent_providers_for_one_customer_leave_exactly_one()
    {
        var (staff, customer) = await CustomerAsync();
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        var attempts = ids.Select(async id =>
        {
            try
            {
                await Provider(id).CreateAsync(staff.Caller, customer, "");
                return true;
            }
            catch (ValidationException)
            {
                return false;
            }
        });
        var results = await Task.WhenAll(attempts);
        Assert.Single(results, created => created);
        var winner = ids[Array.IndexOf(results, true)];
        Assert.Equal(winner, (await _world.Grains.GetGrain<ICustomerGrain>(customer).GetAsync(staff.Caller)).ServiceProviderId);
    }

    [Fact]
    public async Task Any_authenticated_caller_sees_a_provider_but_anonymous_does_not()
    {
        var (staff, customer) = await CustomerAsync();
        var provider = await _world.CreateProviderAsync(staff.Caller, customer);
        var stranger = await _world.CreateUserAsync();
        Assert.Equal(provider, (await Provider(provider).GetAsync(stranger.Caller)).Id);
        await Assert.ThrowsAsync<NotFoundException>(() => Provider(provider).GetAsync(Caller.Anonymous));
    }

    [Fact]
    public async Task An_unknown_provider_is_not_found()
    {
        var staff = await _world.StaffAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => Provider(Guid.NewGuid()).GetAsync(staff.Caller));
    }

    [Fact]
    public async Task The_provider_lists_the_offerings_created_for_its_customer()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var second = await _world.CreateOfferingAsync(setup.Owner.Caller, setup.Customer);
        var offerings = (await Provider(setup.Provider).GetAsync(setup.Staff.Caller)).OfferingIds;
        Assert.Equal([setup.Offering, second], offerings);
    }
}

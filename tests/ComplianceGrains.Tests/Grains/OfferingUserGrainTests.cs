using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Grains;

/// <summary>Offering users: creation, the (offering, user) uniqueness, visibility (API.md §7), update and delete.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OfferingUserGrainTests(TestClusterFixture fixture)
{
    private readonly GrainBuilder _world = new(fixture.Grains);

    private IOfferingUserGrain OfferingUser(Guid id) => _world.Grains.GetGrain<IOfferingUserGrain>(id);

    private GrainUser Actor(ProviderSetup setup, string who) => who switch
    {
        "staff" => setup.Staff,
        "owner" => setup.Owner,
        "manager" => setup.Manager,
        "support_role" => setup.SupportRole,
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    [Fact]
    public async Task A_new_offering_user_carries_the_offering_and_the_users_profile()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var offering = await _world.Grains.GetGrain<IOfferingGrain>(setup.Offering).GetAsync(setup.Staff.Caller);
        var id = Guid.NewGuid();

        var created = await OfferingUser(id).CreateAsync(setup.Staff.Caller, setup.Offering, user.Id, null);

        Assert.Equal(id, created.Id);
        Assert.Equal(setup.Offering, created.OfferingId);
        Assert.Equal(offering.Name, created.OfferingName);
        Assert.Equal(setup.Customer, created.CustomerId);
        Assert.Equal(setup.Provider, created.ServiceProviderId);
        Assert.Equal(user.Id, created.UserId);
        Assert.Equal(user.Username, created.UserUsername);
        Assert.Equal($"Full {user.Username}", created.UserFullName);
        Assert.Equal($"{user.Username}@example.com", created.UserEmail);
        Assert.Equal(user.Username, created.Username);
        Assert.Equal("OK", created.State);
        Assert.False(created.IsRestricted);
        Assert.False(created.HasComplianceChecklist);
        Assert.Equal(created.Created, created.Modified);
        Assert.Equal(created, await OfferingUser(id).GetAsync(user.Caller));
    }

    [Fact]
    public async Task A_given_username_is_kept()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var id = await _world.CreateOfferingUserAsync(setup.Manager.Caller, setup.Offering, user, "jdoe");
        Assert.Equal("jdoe", (await OfferingUser(id).GetAsync(user.Caller)).Username);
    }

    [Fact]
    public async Task An_offering_user_of_an_offering_with_a_checklist_has_a_compliance_checklist()
    {
        var staff = await _world.StaffAsync();
        var checklist = await _world.CreateChecklistAsync(staff.Caller);
        var setup = await _world.CreateProviderSetupAsync(checklist);
        var user = await _world.CreateUserAsync();
        var id = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user);
        Assert.True((await OfferingUser(id).GetAsync(user.Caller)).HasComplianceChecklist);
    }

    // --- who may create ---

    [Theory]
    [InlineData("staff")]
    [InlineData("owner")]
    [InlineData("manager")]
    public async Task Staff_and_holders_of_update_user_may_create(string who)
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var id = await _world.CreateOfferingUserAsync(Actor(setup, who).Caller, setup.Offering, user);
        Assert.Equal(user.Id, (await OfferingUser(id).GetAsync(setup.Staff.Caller)).UserId);
    }

    [Fact]
    public async Task A_support_member_may_not_create_and_nothing_is_registered()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var id = Guid.NewGuid();
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            OfferingUser(id).CreateAsync(setup.SupportRole.Caller, setup.Offering, user.Id, null));
        await Assert.ThrowsAsync<NotFoundException>(() => OfferingUser(id).GetAsync(setup.Staff.Caller));
        // The user is still free to be registered by someone who may.
        await _world.CreateOfferingUserAsync(setup.Manager.Caller, setup.Offering, user);
    }

    [Fact]
    public async Task Global_support_may_not_create()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var support = await _world.CreateUserAsync(support: true);
        var user = await _world.CreateUserAsync();
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            OfferingUser(Guid.NewGuid()).CreateAsync(support.Caller, setup.Offering, user.Id, null));
    }

    [Fact]
    public async Task A_user_cannot_register_themself_on_an_offering_they_cannot_see()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            OfferingUser(Guid.NewGuid()).CreateAsync(user.Caller, setup.Offering, user.Id, null));
        Assert.True(error.Errors.ContainsKey("offering"));
    }

    [Fact]
    public async Task An_unknown_offering_is_an_offering_field_error()
    {
        var staff = await _world.StaffAsync();
        var user = await _world.CreateUserAsync();
        var unknown = Guid.NewGuid();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            OfferingUser(Guid.NewGuid()).CreateAsync(staff.Caller, unknown, user.Id, null));
        Assert.Equal([$"Object with uuid={unknown:N} does not exist."], error.Errors["offering"]);
    }

    [Fact]
    public async Task An_unknown_user_is_a_user_field_error()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var unknown = Guid.NewGuid();
        var id = Guid.NewGuid();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            OfferingUser(id).CreateAsync(setup.Staff.Caller, setup.Offering, unknown, null));
        Assert.Equal([$"Object with uuid={unknown:N} does not exist."], error.Errors["user"]);
        await Assert.ThrowsAsync<NotFoundException>(() => OfferingUser(id).GetAsync(setup.Staff.Caller));
    }

    // --- uniqueness ---

    [Fact]
    public async Task A_user_can_be_registered_on_an_offering_only_once()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user);
        var second = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            OfferingUser(second).CreateAsync(setup.Staff.Caller, setup.Offering, user.Id, null));

        Assert.True(error.Errors.ContainsKey("non_field_errors"));
        await Assert.ThrowsAsync<NotFoundException>(() => OfferingUser(second).GetAsync(setup.Staff.Caller));
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_user_leave_exactly_one()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        var results = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                await OfferingUser(id).CreateAsync(setup.Staff.Caller, setup.Offering, user.Id, null);
                return true;
            }
            catch (ValidationException)
            {
                return false;
            }
        }));
        Assert.Single(results, created => created);
    }

    [Fact]
    public async Task The_same_user_may_be_registered_on_different_offerings()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var second = await _world.CreateOfferingAsync(setup.Staff.Caller, setup.Customer);
        var user = await _world.CreateUserAsync();
        var a = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user);
        var b = await _world.CreateOfferingUserAsync(setup.Staff.Caller, second, user);
        Assert.Equal(second, (await OfferingUser(b).GetAsync(user.Caller)).OfferingId);
        Assert.Equal(setup.Offering, (await OfferingUser(a).GetAsync(user.Caller)).OfferingId);
    }

    [Fact]
    public async Task Creating_the_same_offering_user_twice_is_refused()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var other = await _world.CreateUserAsync();
        var id = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user);
        await Assert.ThrowsAsync<ValidationException>(() => OfferingUser(id).CreateAsync(setup.Staff.Caller, setup.Offering, other.Id, null));
        Assert.Equal(user.Id, (await OfferingUser(id).GetAsync(setup.Staff.Caller)).UserId);
    }

    // --- visibility ---

    [Theory]
    [InlineData("staff")]
    [InlineData("owner")]
    [InlineData("manager")]
    [InlineData("support_role")]
    public async Task Staff_and_every_member_of_the_customer_see_it(string who)
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var id = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user);
        Assert.Equal(id, (await OfferingUser(id).GetAsync(Actor(setup, who).Caller)).Id);
    }

    [Fact]
    public async Task The_user_and_global_support_see_it()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var support = await _world.CreateUserAsync(support: true);
        var id = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user);
        Assert.Equal(id, (await OfferingUser(id).GetAsync(user.Caller)).Id);
        Assert.Equal(id, (await OfferingUser(id).GetAsync(support.Caller)).Id);
    }

    [Fact]
    public async Task Strangers_members_of_other_customers_and_anonymous_get_not_found()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var other = await _world.CreateProviderSetupAsync();
        var stranger = await _world.CreateUserAsync();
        var user = await _world.CreateUserAsync();
        var id = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user);
        foreach (var reader in new[] { stranger.Caller, other.Owner.Caller, Caller.Anonymous })
            await Assert.ThrowsAsync<NotFoundException>(() => OfferingUser(id).GetAsync(reader));
    }

    [Fact]
    public async Task A_member_who_leaves_the_customer_no_longer_sees_it()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var id = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user);
        await _world.Grains.GetGrain<ICustomerGrain>(setup.Customer).RemoveUserAsync(setup.Staff.Caller, setup.Manager.Id);
        await Assert.ThrowsAsync<NotFoundException>(() => OfferingUser(id).GetAsync(setup.Manager.Caller));
    }

    // --- update ---

    [Theory]
    [InlineData("staff")]
    [InlineData("owner")]
    [InlineData("manager")]
    public async Task Holders_of_update_user_may_change_username_state_and_restriction(string who)
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var id = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user);
        var before = await OfferingUser(id).GetAsync(user.Caller);

        var updated = await OfferingUser(id).UpdateAsync(Actor(setup, who).Caller, new OfferingUserChanges("renamed", "Pending account linking", true));

        Assert.Equal("renamed", updated.Username);
        Assert.Equal("Pending account linking", updated.State);
        Assert.True(updated.IsRestricted);
        Assert.True(updated.Modified > before.Modified);
        Assert.Equal(before.Created, updated.Created);
        Assert.Equal(updated, await OfferingUser(id).GetAsync(user.Caller));
    }

    [Fact]
    public async Task Fields_left_out_of_an_update_are_kept()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var id = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user, "first");
        await OfferingUser(id).UpdateAsync(setup.Manager.Caller, new OfferingUserChanges(null, "Creating", true));

        var updated = await OfferingUser(id).UpdateAsync(setup.Manager.Caller, new OfferingUserChanges(null, null, false));

        Assert.Equal("first", updated.Username);
        Assert.Equal("Creating", updated.State);
        Assert.False(updated.IsRestricted);
    }

    [Theory]
    [InlineData("support_role")]
    [InlineData("self")]
    [InlineData("global_support")]
    public async Task Callers_who_see_it_without_update_user_may_not_update_or_delete(string who)
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var id = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user);
        var actor = who switch
        {
            "self" => user,
            "global_support" => await _world.CreateUserAsync(support: true),
            _ => Actor(setup, who),
        };

        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            OfferingUser(id).UpdateAsync(actor.Caller, new OfferingUserChanges("hijack", null, true)));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => OfferingUser(id).DeleteAsync(actor.Caller));

        var view = await OfferingUser(id).GetAsync(setup.Staff.Caller);
        Assert.Equal(user.Username, view.Username);
        Assert.False(view.IsRestricted);
    }

    [Fact]
    public async Task A_stranger_gets_not_found_on_update_and_delete()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var stranger = await _world.CreateUserAsync();
        var user = await _world.CreateUserAsync();
        var id = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user);
        await Assert.ThrowsAsync<NotFoundException>(() =>
            OfferingUser(id).UpdateAsync(stranger.Caller, new OfferingUserChanges("x", null, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => OfferingUser(id).DeleteAsync(stranger.Caller));
        Assert.Equal(user.Username, (await OfferingUser(id).GetAsync(user.Caller)).Username);
    }

    // --- delete ---

    [Theory]
    [InlineData("staff")]
    [InlineData("owner")]
    [InlineData("manager")]
    public async Task Holders_of_update_user_may_delete_and_then_it_is_gone(string who)
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var id = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user);

        await OfferingUser(id).DeleteAsync(Actor(setup, who).Caller);

        await Assert.ThrowsAsync<NotFoundException>(() => OfferingUser(id).GetAsync(setup.Staff.Caller));
        await Assert.ThrowsAsync<NotFoundException>(() => OfferingUser(id).GetAsync(user.Caller));
        await Assert.ThrowsAsync<NotFoundException>(() => OfferingUser(id).DeleteAsync(setup.Staff.Caller));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            OfferingUser(id).UpdateAsync(setup.Staff.Caller, new OfferingUserChanges("x", null, null)));
    }

    [Fact]
    public async Task After_a_delete_the_user_can_be_registered_on_the_offering_again()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var first = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user);
        await OfferingUser(first).DeleteAsync(setup.Manager.Caller);

        var second = await _world.CreateOfferingUserAsync(setup.Manager.Caller, setup.Offering, user);

        Assert.NotEqual(first, second);
        Assert.Equal(user.Id, (await OfferingUser(second).GetAsync(user.Caller)).UserId);
    }

    [Fact]
    public async Task Operations_on_an_unknown_offering_user_are_not_found()
    {
        var staff = await _world.StaffAsync();
        var id = Guid.NewGuid();
        await Assert.ThrowsAsync<NotFoundException>(() => OfferingUser(id).GetAsync(staff.Caller));
        await Assert.ThrowsAsync<NotFoundException>(() => OfferingUser(id).UpdateAsync(staff.Caller, new OfferingUserChanges("x", null, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => OfferingUser(id).DeleteAsync(staff.Caller));
    }
}

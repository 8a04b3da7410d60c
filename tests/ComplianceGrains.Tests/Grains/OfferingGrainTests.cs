using ComplianceGrains.Checklists;
using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Grains;

/// <summary>Offerings: creation (UPDATE_OPTIONS, a service provider, an offering_compliance checklist), archiving and visibility.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OfferingGrainTests(TestClusterFixture fixture)
{
    private readonly GrainBuilder _world = new(fixture.Grains);

    private IOfferingGrain Offering(Guid id) => _world.Grains.GetGrain<IOfferingGrain>(id);

    [Fact]
    public async Task A_new_offering_carries_its_customer_provider_and_default_state()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var customerName = (await _world.Grains.GetGrain<ICustomerGrain>(setup.Customer).GetAsync(setup.Staff.Caller)).Name;
        var id = Guid.NewGuid();

        var created = await Offering(id).CreateAsync(setup.Staff.Caller, new NewOffering("Cloud VM", "Virtual machines", setup.Customer, null));

        Assert.Equal(id, created.Id);
        Assert.Equal("Cloud VM", created.Name);
        Assert.Equal("Virtual machines", created.Description);
        Assert.Equal(setup.Customer, created.CustomerId);
        Assert.Equal(customerName, created.CustomerName);
        Assert.Equal(setup.Provider, created.ServiceProviderId);
        Assert.Equal("Active", created.State);
        Assert.Null(created.ChecklistId);
        Assert.Null(created.ChecklistName);
        Assert.False(created.HasComplianceRequirements);
        Assert.Equal(created, await Offering(id).GetAsync(setup.Staff.Caller));
        Assert.Contains(id, (await _world.Grains.GetGrain<IServiceProviderGrain>(setup.Provider).GetAsync(setup.Staff.Caller)).OfferingIds);
    }

    [Fact]
    public async Task An_offering_with_a_compliance_checklist_has_compliance_requirements()
    {
        var staff = await _world.StaffAsync();
        var checklist = await _world.CreateChecklistAsync(staff.Caller, name: "Security checklist");
        var setup = await _world.CreateProviderSetupAsync(checklist);

        var view = await Offering(setup.Offering).GetAsync(setup.Owner.Caller);

        Assert.Equal(checklist, view.ChecklistId);
        Assert.Equal("Security checklist", view.ChecklistName);
        Assert.True(view.HasComplianceRequirements);
        Assert.Equal(checklist, (await Offering(setup.Offering).GetComplianceTargetAsync()).ChecklistId);
    }

    [Fact]
    public async Task The_checklist_name_follows_a_rename_of_the_checklist()
    {
        var staff = await _world.StaffAsync();
        var checklist = await _world.CreateChecklistAsync(staff.Caller, name: "Before");
        var setup = await _world.CreateProviderSetupAsync(checklist);
        await _world.Grains.GetGrain<IChecklistGrain>(checklist).UpdateAsync(staff.Caller, new ChecklistFields("After", "", ChecklistTypes.OfferingCompliance));
        Assert.Equal("After", (await Offering(setup.Offering).GetAsync(setup.Staff.Caller)).ChecklistName);
    }

    [Theory]
    [InlineData(CustomerRole.Owner)]
    [InlineData(CustomerRole.Manager)]
    public async Task Owners_and_managers_may_create_offerings(CustomerRole role)
    {
        var setup = await _world.CreateProviderSetupAsync();
        var creator = role == CustomerRole.Owner ? setup.Owner : setup.Manager;
        var id = await _world.CreateOfferingAsync(creator.Caller, setup.Customer);
        Assert.Equal(setup.Customer, (await Offering(id).GetAsync(creator.Caller)).CustomerId);
    }

    [Fact]
    public async Task A_support_member_may_not_create_an_offering()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var id = Guid.NewGuid();
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Offering(id).CreateAsync(setup.SupportRole.Caller, new NewOffering("x", "", setup.Customer, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => Offering(id).GetAsync(setup.Staff.Caller));
    }

    [Fact]
    public async Task Global_support_may_not_create_an_offering()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var support = await _world.CreateUserAsync(support: true);
        var id = Guid.NewGuid();
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Offering(id).CreateAsync(support.Caller, new NewOffering("x", "", setup.Customer, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => Offering(id).GetAsync(setup.Staff.Caller));
    }

    [Fact]
    public async Task A_caller_who_cannot_see_the_customer_gets_a_customer_field_error()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var stranger = await _world.CreateUserAsync();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Offering(Guid.NewGuid()).CreateAsync(stranger.Caller, new NewOffering("x", "", setup.Customer, null)));
        Assert.True(error.Errors.ContainsKey("customer"));
    }

    [Fact]
    public async Task A_customer_without_a_service_provider_cannot_have_offerings()
    {
        var staff = await _world.StaffAsync();
        var customer = await _world.CreateCustomerAsync(staff.Caller);
        var id = Guid.NewGuid();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Offering(id).CreateAsync(staff.Caller, new NewOffering("x", "", customer, null)));
        Assert.True(error.Errors.ContainsKey("customer"));
        await Assert.ThrowsAsync<NotFoundException>(() => Offering(id).GetAsync(staff.Caller));
    }

    [Fact]
    public async Task An_unknown_checklist_is_a_compliance_checklist_field_error()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var unknown = Guid.NewGuid();
        var id = Guid.NewGuid();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Offering(id).CreateAsync(setup.Staff.Caller, new NewOffering("x", "", setup.Customer, unknown)));
        Assert.Equal([$"Object with uuid={unknown:N} does not exist."], error.Errors["compliance_checklist"]);
        await Assert.ThrowsAsync<NotFoundException>(() => Offering(id).GetAsync(setup.Staff.Caller));
    }

    [Theory]
    [InlineData("project_compliance")]
    [InlineData("proposal_compliance")]
    [InlineData("onboarding_customer")]
    public async Task A_checklist_of_another_type_is_refused_as_if_it_did_not_exist(string type)
    {
        var setup = await _world.CreateProviderSetupAsync();
        var checklist = await _world.CreateChecklistAsync(setup.Staff.Caller, type);
        var id = Guid.NewGuid();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Offering(id).CreateAsync(setup.Staff.Caller, new NewOffering("x", "", setup.Customer, checklist)));
        Assert.Equal([$"Object with uuid={checklist:N} does not exist."], error.Errors["compliance_checklist"]);
        await Assert.ThrowsAsync<NotFoundException>(() => Offering(id).GetAsync(setup.Staff.Caller));
    }

    [Fact]
    public async Task Creating_an_offering_twice_is_refused()
    {
        var setup = await _world.CreateProviderSetupAsync();
        await Assert.ThrowsAsync<ValidationException>(() =>
            Offering(setup.Offering).CreateAsync(setup.Staff.Caller, new NewOffering("again", "", setup.Customer, null)));
        Assert.NotEqual("again", (await Offering(setup.Offering).GetAsync(setup.Staff.Caller)).Name);
    }

    // --- archive ---

    [Theory]
    [InlineData("staff")]
    [InlineData("owner")]
    [InlineData("manager")]
    public async Task Staff_owners_and_managers_may_archive(string who)
    {
        var setup = await _world.CreateProviderSetupAsync();
        var actor = who switch { "staff" => setup.Staff, "owner" => setup.Owner, _ => setup.Manager };

        var archived = await Offering(setup.Offering).ArchiveAsync(actor.Caller);

        Assert.Equal("Archived", archived.State);
        Assert.Equal("Archived", (await Offering(setup.Offering).GetAsync(setup.SupportRole.Caller)).State);
        Assert.Equal("Archived", (await Offering(setup.Offering).GetPublicAsync()).State);
    }

    [Fact]
    public async Task A_support_member_and_global_support_may_not_archive()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var support = await _world.CreateUserAsync(support: true);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Offering(setup.Offering).ArchiveAsync(setup.SupportRole.Caller));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Offering(setup.Offering).ArchiveAsync(support.Caller));
        Assert.Equal("Active", (await Offering(setup.Offering).GetAsync(setup.Staff.Caller)).State);
    }

    [Fact]
    public async Task A_stranger_cannot_see_the_offering_to_archive_it()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var stranger = await _world.CreateUserAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => Offering(setup.Offering).ArchiveAsync(stranger.Caller));
        Assert.Equal("Active", (await Offering(setup.Offering).GetAsync(setup.Staff.Caller)).State);
    }

    [Fact]
    public async Task Archiving_an_unknown_offering_is_not_found()
    {
        var staff = await _world.StaffAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => Offering(Guid.NewGuid()).ArchiveAsync(staff.Caller));
    }

    // --- visibility ---

    [Fact]
    public async Task Staff_support_and_every_member_see_the_offering()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var support = await _world.CreateUserAsync(support: true);
        foreach (var reader in new[] { setup.Staff, support, setup.Owner, setup.Manager, setup.SupportRole })
            Assert.Equal(setup.Offering, (await Offering(setup.Offering).GetAsync(reader.Caller)).Id);
    }

    [Fact]
    public async Task Strangers_members_of_other_customers_and_anonymous_get_not_found()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var other = await _world.CreateProviderSetupAsync();
        var stranger = await _world.CreateUserAsync();
        foreach (var reader in new[] { stranger.Caller, other.Owner.Caller, Caller.Anonymous })
            await Assert.ThrowsAsync<NotFoundException>(() => Offering(setup.Offering).GetAsync(reader));
    }

    [Fact]
    public async Task Anyone_sees_the_public_view()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var view = await Offering(setup.Offering).GetPublicAsync();
        Assert.Equal(setup.Offering, view.Id);
        Assert.Equal(setup.Customer, view.CustomerId);
    }

    [Fact]
    public async Task An_unknown_offering_is_not_found_publicly_either()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Offering(Guid.NewGuid()).GetPublicAsync());
    }
}

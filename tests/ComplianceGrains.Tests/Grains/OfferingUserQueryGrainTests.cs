using ComplianceGrains.Compliance;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Grains;

/// <summary>
/// The offering-user list served from the projection: only rows the caller may see (API.md §7), the
/// offering and user filters, paging. The cluster is shared, so staff queries are always narrowed to this test's objects.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OfferingUserQueryGrainTests(TestClusterFixture fixture)
{
    private readonly GrainBuilder _world = new(fixture.Grains);

    private async Task<Page<OfferingUserView>> ListAsync(Caller caller, Guid? offering = null, Guid? user = null, int offset = 0, int limit = 100)
    {
        var page = await _world.Grains.GetGrain<IProjectionQueryGrain>(0)
            .ListOfferingUsersAsync(caller, new OfferingUserFilter(offering, user), new PageRequest(offset, limit));
        return new Page<OfferingUserView>(page.Items.Select(row => row.OfferingUser).ToList(), page.TotalCount);
    }

    private static void AssertRows(IEnumerable<Guid> expected, Page<OfferingUserView> page)
    {
        Assert.Equal(expected.Order(), page.Items.Select(r => r.Id).Order());
        Assert.Equal(page.Items.Count, page.TotalCount);
    }

    /// <summary>Two providers; the first has two offerings. Returns the offering users by offering.</summary>
    private async Task<(ProviderSetup First, Guid FirstOther, ProviderSetup Second, GrainUser Shared, Dictionary<Guid, List<Guid>> Rows)> TwoProvidersAsync()
    {
        var first = await _world.CreateProviderSetupAsync();
        var firstOther = await _world.CreateOfferingAsync(first.Staff.Caller, first.Customer);
        var second = await _world.CreateProviderSetupAsync();
        var shared = await _world.CreateUserAsync();
        var rows = new Dictionary<Guid, List<Guid>> { [first.Offering] = [], [firstOther] = [], [second.Offering] = [] };
        foreach (var offering in rows.Keys)
        {
            var caller = offering == second.Offering ? second.Staff.Caller : first.Staff.Caller;
            rows[offering].Add(await _world.CreateOfferingUserAsync(caller, offering, shared));
            rows[offering].Add(await _world.CreateOfferingUserAsync(caller, offering, await _world.CreateUserAsync()));
        }
        return (first, firstOther, second, shared, rows);
    }

    [Fact]
    public async Task A_user_without_roles_sees_only_their_own_offering_users()
    {
        var (_, _, _, shared, rows) = await TwoProvidersAsync();
        var own = rows.Values.Select(list => list[0]);
        AssertRows(own, await ListAsync(shared.Caller));
    }

    [Theory]
    [InlineData(CustomerRole.Owner)]
    [InlineData(CustomerRole.Manager)]
    [InlineData(CustomerRole.Support)]
    public async Task A_member_sees_every_offering_user_of_their_customers_offerings(CustomerRole role)
    {
        var (first, firstOther, _, _, rows) = await TwoProvidersAsync();
        var member = role switch { CustomerRole.Owner => first.Owner, CustomerRole.Manager => first.Manager, _ => first.SupportRole };
        AssertRows(rows[first.Offering].Concat(rows[firstOther]), await ListAsync(member.Caller));
    }

    [Fact]
    public async Task A_member_who_is_also_an_offering_user_elsewhere_sees_both()
    {
        var (first, firstOther, second, _, rows) = await TwoProvidersAsync();
        var ownElsewhere = await _world.CreateOfferingUserAsync(second.Staff.Caller, second.Offering, first.Manager);
        AssertRows(rows[first.Offering].Concat(rows[firstOther]).Append(ownElsewhere), await ListAsync(first.Manager.Caller));
    }

    [Fact]
    public async Task A_member_who_leaves_the_customer_no_longer_sees_its_rows()
    {
        var (first, _, _, _, _) = await TwoProvidersAsync();
        await _world.Grains.GetGrain<ICustomerGrain>(first.Customer).RemoveUserAsync(first.Staff.Caller, first.SupportRole.Id);
        AssertRows([], await ListAsync(first.SupportRole.Caller));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Staff_and_global_support_see_every_offering(bool staff, bool support)
    {
        var (first, firstOther, second, _, rows) = await TwoProvidersAsync();
        var reader = await _world.CreateUserAsync(staff: staff, support: support);
        foreach (var offering in new[] { first.Offering, firstOther, second.Offering })
            AssertRows(rows[offering], await ListAsync(reader.Caller, offering: offering));
    }

    [Fact]
    public async Task A_stranger_gets_an_empty_list_even_when_filtering_by_an_offering()
    {
        var (first, _, _, _, _) = await TwoProvidersAsync();
        var stranger = await _world.CreateUserAsync();
        AssertRows([], await ListAsync(stranger.Caller));
        AssertRows([], await ListAsync(stranger.Caller, offering: first.Offering));
    }

    [Fact]
    public async Task The_user_filter_narrows_to_one_users_rows()
    {
        var (first, firstOther, _, shared, rows) = await TwoProvidersAsync();
        AssertRows(rows.Values.Select(list => list[0]), await ListAsync(first.Staff.Caller, user: shared.Id));
        // A member of the first customer sees only the shared user's rows of that customer.
        AssertRows([rows[first.Offering][0], rows[firstOther][0]], await ListAsync(first.Owner.Caller, user: shared.Id));
    }

    [Fact]
    public async Task Offering_and_user_filters_combine()
    {
        var (first, _, _, shared, rows) = await TwoProvidersAsync();
        AssertRows([rows[first.Offering][0]], await ListAsync(first.Staff.Caller, offering: first.Offering, user: shared.Id));
    }

    [Fact]
    public async Task Unknown_filter_values_give_an_empty_list()
    {
        var staff = await _world.StaffAsync();
        AssertRows([], await ListAsync(staff.Caller, offering: Guid.NewGuid()));
        AssertRows([], await ListAsync(staff.Caller, user: Guid.NewGuid()));
    }

    [Fact]
    public async Task Rows_show_the_offering_user_as_it_is()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var user = await _world.CreateUserAsync();
        var id = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, user);
        await _world.Grains.GetGrain<IOfferingUserGrain>(id).UpdateAsync(setup.Manager.Caller, new OfferingUserChanges("renamed", "Creating", true));

        var row = Assert.Single((await ListAsync(user.Caller)).Items);

        Assert.Equal(await _world.Grains.GetGrain<IOfferingUserGrain>(id).GetAsync(user.Caller), row);
        Assert.Equal("renamed", row.Username);
    }

    [Fact]
    public async Task A_deleted_offering_user_leaves_the_list()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var kept = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, await _world.CreateUserAsync());
        var deleted = await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, await _world.CreateUserAsync());

        await _world.Grains.GetGrain<IOfferingUserGrain>(deleted).DeleteAsync(setup.Owner.Caller);

        AssertRows([kept], await ListAsync(setup.Staff.Caller, offering: setup.Offering));
    }

    [Fact]
    public async Task Pages_split_the_rows_without_gaps_or_overlaps_and_report_the_total()
    {
        var setup = await _world.CreateProviderSetupAsync();
        var all = new List<Guid>();
        for (var i = 0; i < 5; i++)
            all.Add(await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, await _world.CreateUserAsync()));

        var pages = new List<Page<OfferingUserView>>();
        for (var offset = 0; offset < 6; offset += 2)
            pages.Add(await ListAsync(setup.Owner.Caller, offering: setup.Offering, offset: offset, limit: 2));

        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(5, p.TotalCount));
        var seen = pages.SelectMany(p => p.Items.Select(r => r.Id)).ToList();
        Assert.Equal(all.Order(), seen.Order());
    }

    [Fact]
    public async Task The_order_is_stable_between_calls()
    {
        var setup = await _world.CreateProviderSetupAsync();
        for (var i = 0; i < 4; i++)
            await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, await _world.CreateUserAsync());
        var first = await ListAsync(setup.Owner.Caller, offering: setup.Offering);
        var again = await ListAsync(setup.Owner.Caller, offering: setup.Offering);
        Assert.Equal(first.Items.Select(r => r.Id), again.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_but_still_reports_the_total()
    {
        var setup = await _world.CreateProviderSetupAsync();
        await _world.CreateOfferingUserAsync(setup.Staff.Caller, setup.Offering, await _world.CreateUserAsync());
        var page = await ListAsync(setup.Owner.Caller, offering: setup.Offering, offset: 10, limit: 10);
        Assert.Empty(page.Items);
        Assert.Equal(1, page.TotalCount);
    }
}

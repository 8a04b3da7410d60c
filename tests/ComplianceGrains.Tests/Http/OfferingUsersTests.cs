using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>Offering users: creation, uniqueness, filters, visibility, changes and deletion (API.md §1, §7).</summary>
[Collection(ApiCollection.Name)]
public sealed class OfferingUsersTests(ApiFactory factory)
{
    private const string OfferingUsers = "/api/marketplace-offering-users/";

    private readonly ApiWorld _world = new(factory);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_offering_user_has_the_documented_fields(bool withChecklist)
    {
        var provider = await _world.CreateProviderWorldAsync(withChecklist ? await _world.CreateChecklistAsync() : null);
        var offeringName = (await _world.Admin.GetAsync($"/api/marketplace-provider-offerings/{provider.Offering}/"))["name"];
        var user = await _world.CreateUserAsync(fullName: "Alan Turing");

        var created = (await provider.Manager.Client.PostAsync(OfferingUsers, new { offering = provider.Offering, user = user.Id }))
            .Expect(HttpStatusCode.Created);

        Assert.Equal($"http://localhost{OfferingUsers}{created["uuid"]}/", created["url"]);
        Assert.Equal(provider.Offering, created["offering_uuid"]);
        Assert.Equal(offeringName, created["offering_name"]);
        Assert.Equal(user.Id, created["user_uuid"]);
        Assert.Equal(user.Username, created["user_username"]);
        Assert.Equal("Alan Turing", created["user_full_name"]);
        Assert.Equal($"{user.Username}@example.com", created["user_email"]);
        Assert.Equal(user.Username, created["username"]);
        Assert.Equal("OK", created["state"]);
        Assert.False(created.Json!["is_restricted"]!.GetValue<bool>());
        Assert.Equal(withChecklist, created.Json!["has_compliance_checklist"]!.GetValue<bool>());
        Assert.Matches("Z$", created["created"]);
        Assert.Matches("Z$", created["modified"]);
    }

    [Fact]
    public async Task A_username_given_at_creation_replaces_the_default()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var user = await _world.CreateUserRecordAsync();

        var created = (await _world.Admin.PostAsync(OfferingUsers, new { offering = provider.Offering, user, username = "hpc-login" }))
            .Expect(HttpStatusCode.Created);

        Assert.Equal("hpc-login", created["username"]);
        Assert.Equal("hpc-login", (await _world.Admin.GetAsync($"{OfferingUsers}{created["uuid"]}/"))["username"]);
    }

    [Fact]
    public async Task A_second_offering_user_for_the_same_offering_and_user_is_400()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var user = await _world.CreateUserRecordAsync();
        var first = await _world.CreateOfferingUserAsync(provider.Offering, user);

        (await _world.Admin.PostAsync(OfferingUsers, new { offering = provider.Offering, user })).ExpectFieldError("non_field_errors");

        Assert.Equal(new[] { first }, await _world.Admin.ListAllUuidsAsync($"{OfferingUsers}?offering_uuid={provider.Offering}"));
    }

    [Fact]
    public async Task Unknown_offering_or_user_is_400_object_does_not_exist()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var missing = Guid.NewGuid().ToString("N");

        (await _world.Admin.PostAsync(OfferingUsers, new { offering = missing, user = provider.Owner.Id }))
            .ExpectFieldError("offering", $"Object with uuid={missing} does not exist.");
        (await _world.Admin.PostAsync(OfferingUsers, new { offering = provider.Offering, user = missing }))
            .ExpectFieldError("user", $"Object with uuid={missing} does not exist.");
    }

    [Fact]
    public async Task The_list_filters_by_offering_and_by_user()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var otherOffering = await _world.CreateOfferingAsync(provider.Customer);
        var alice = await _world.CreateUserRecordAsync();
        var bob = await _world.CreateUserRecordAsync();
        var aliceHere = await _world.CreateOfferingUserAsync(provider.Offering, alice);
        var bobHere = await _world.CreateOfferingUserAsync(provider.Offering, bob);
        var aliceThere = await _world.CreateOfferingUserAsync(otherOffering, alice);

        Assert.Equal(
            new[] { aliceHere, bobHere }.Order(),
            (await _world.Admin.ListAllUuidsAsync($"{OfferingUsers}?offering_uuid={provider.Offering}")).Order());
        Assert.Equal(
            new[] { aliceHere, aliceThere }.Order(),
            (await _world.Admin.ListAllUuidsAsync($"{OfferingUsers}?user_uuid={alice}")).Order());
        Assert.Equal(
            new[] { aliceThere },
            await _world.Admin.ListAllUuidsAsync($"{OfferingUsers}?offering_uuid={otherOffering}&user_uuid={alice}"));
    }

    [Theory]
    [InlineData("offering_uuid")]
    [InlineData("user_uuid")]
    public async Task A_malformed_filter_uuid_is_400(string filter) =>
        (await _world.Admin.GetAsync($"{OfferingUsers}?{filter}=not-a-uuid")).ExpectFieldError(filter, "Must be a valid UUID.");

    [Fact]
    public async Task A_user_sees_their_own_offering_users_and_nobody_elses()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var user = await _world.CreateUserAsync();
        var mine = await _world.CreateOfferingUserAsync(provider.Offering, user);
        var someoneElses = await _world.CreateOfferingUserAsync(provider.Offering, await _world.CreateUserRecordAsync());

        Assert.Equal(new[] { mine }, await user.Client.ListAllUuidsAsync(OfferingUsers));
        (await user.Client.GetAsync($"{OfferingUsers}{mine}/")).Expect(HttpStatusCode.OK);
        (await user.Client.GetAsync($"{OfferingUsers}{someoneElses}/")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_customer_role_staff_and_global_support_see_the_offering_users_of_the_offering()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var offeringUser = await _world.CreateOfferingUserAsync(provider.Offering, await _world.CreateUserRecordAsync());
        var globalSupport = await _world.CreateUserAsync(support: true);
        var unrelated = await _world.CreateUserAsync();
        var byOffering = $"{OfferingUsers}?offering_uuid={provider.Offering}";

        foreach (var reader in new[] { provider.Owner, provider.Manager, provider.SupportRole, globalSupport })
            Assert.Equal(new[] { offeringUser }, await reader.Client.ListAllUuidsAsync(byOffering));
        Assert.Equal(new[] { offeringUser }, await _world.Admin.ListAllUuidsAsync(byOffering));
        Assert.Empty(await unrelated.Client.ListAllUuidsAsync(byOffering));
        (await unrelated.Client.GetAsync($"{OfferingUsers}{offeringUser}/")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_changes_username_state_and_restriction()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var offeringUser = await _world.CreateOfferingUserAsync(provider.Offering, await _world.CreateUserRecordAsync());
        var path = $"{OfferingUsers}{offeringUser}/";

        var patched = (await provider.Owner.Client.PatchAsync(path, new
        {
            username = "remote-login", state = "Pending account linking", is_restricted = true,
        })).Expect(HttpStatusCode.OK);

        var read = (await _world.Admin.GetAsync(path)).Expect(HttpStatusCode.OK);
        foreach (var view in new[] { patched, read })
        {
            Assert.Equal("remote-login", view["username"]);
            Assert.Equal("Pending account linking", view["state"]);
            Assert.True(view.Json!["is_restricted"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Patch_with_only_one_field_keeps_the_others()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var offeringUser = await _world.CreateOfferingUserAsync(provider.Offering, await _world.CreateUserRecordAsync());
        var path = $"{OfferingUsers}{offeringUser}/";
        (await _world.Admin.PatchAsync(path, new { username = "kept", is_restricted = true })).Expect(HttpStatusCode.OK);

        var patched = (await _world.Admin.PatchAsync(path, new { state = "Requested" })).Expect(HttpStatusCode.OK);

        Assert.Equal("kept", patched["username"]);
        Assert.True(patched.Json!["is_restricted"]!.GetValue<bool>());
        Assert.Equal("Requested", patched["state"]);
    }

    [Fact]
    public async Task Patch_with_an_unknown_state_is_400_and_changes_nothing()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var offeringUser = await _world.CreateOfferingUserAsync(provider.Offering, await _world.CreateUserRecordAsync());
        var path = $"{OfferingUsers}{offeringUser}/";

        (await _world.Admin.PatchAsync(path, new { username = "changed", state = "Sleeping" })).ExpectFieldError("state");

        var read = (await _world.Admin.GetAsync(path)).Expect(HttpStatusCode.OK);
        Assert.Equal("OK", read["state"]);
        Assert.NotEqual("changed", read["username"]);
    }

    [Fact]
    public async Task Delete_is_204_then_the_offering_user_is_gone_and_may_be_created_again()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var user = await _world.CreateUserRecordAsync();
        var offeringUser = await _world.CreateOfferingUserAsync(provider.Offering, user);

        var deleted = (await provider.Manager.Client.DeleteAsync($"{OfferingUsers}{offeringUser}/")).Expect(HttpStatusCode.NoContent);

        Assert.Equal("", deleted.Body);
        (await _world.Admin.GetAsync($"{OfferingUsers}{offeringUser}/")).ExpectDetail(HttpStatusCode.NotFound, "Not found.");
        Assert.Empty(await _world.Admin.ListAllUuidsAsync($"{OfferingUsers}?offering_uuid={provider.Offering}"));
        (await _world.Admin.PostAsync(OfferingUsers, new { offering = provider.Offering, user })).Expect(HttpStatusCode.Created);
    }
}

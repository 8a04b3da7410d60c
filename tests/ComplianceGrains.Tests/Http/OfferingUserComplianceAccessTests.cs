using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>API.md §4 "Who": reading and submitting an offering user's checklist, per role.</summary>
[Collection(ApiCollection.Name)]
public sealed class OfferingUserComplianceAccessTests(ApiFactory factory)
{
    private static readonly string[] ReadActions = ["checklist", "completion_status", "history"];
    private readonly ApiWorld _world = new(factory);

    private Task<OfferingUserWorld> WorldAsync() =>
        _world.CreateOfferingUserWorldAsync(new { description = "Q", question_type = "boolean", required = true });

    private static async Task AssertCanReadAndSubmitAsync(OfferingUserWorld w, ApiClient client)
    {
        foreach (var action in ReadActions) (await client.GetAsync(w.Path(action))).Expect(HttpStatusCode.OK);
        var submitted = (await ApiWorld.SubmitAsync(client, w.OfferingUser, (w.Questions[0], true))).Expect(HttpStatusCode.OK);
        Assert.True(submitted.Json!["completion"]!["is_completed"]!.GetValue<bool>());
    }

    private static async Task AssertEverythingIsAsync(OfferingUserWorld w, ApiClient client, HttpStatusCode status, string detail)
    {
        foreach (var action in ReadActions)
            Assert.Equal(detail, (await client.GetAsync(w.Path(action))).Expect(status)["detail"]);
        Assert.Equal(detail, (await ApiWorld.SubmitAsync(client, w.OfferingUser, (w.Questions[0], true))).Expect(status)["detail"]);
    }

    [Fact]
    public async Task The_offering_user_themself_can_read_and_submit()
    {
        var w = await WorldAsync();
        await AssertCanReadAndSubmitAsync(w, w.User.Client);
    }

    [Fact]
    public async Task Staff_can_read_and_submit()
    {
        var w = await WorldAsync();
        await AssertCanReadAndSubmitAsync(w, (await _world.CreateUserAsync(staff: true)).Client);
    }

    [Fact]
    public async Task Customer_owner_and_manager_can_read_and_submit()
    {
        var w = await WorldAsync();
        await AssertCanReadAndSubmitAsync(w, w.Provider.Owner.Client);
        await AssertCanReadAndSubmitAsync(w, w.Provider.Manager.Client);
    }

    [Fact]
    public async Task Global_support_can_read_but_not_submit()
    {
        var w = await WorldAsync();
        var support = await _world.CreateUserAsync(support: true);
        foreach (var action in ReadActions) (await support.Client.GetAsync(w.Path(action))).Expect(HttpStatusCode.OK);
        var denied = (await ApiWorld.SubmitAsync(support.Client, w.OfferingUser, (w.Questions[0], true))).Expect(HttpStatusCode.Forbidden);
        Assert.Equal("You do not have permission to perform this action.", denied["detail"]);
        Assert.Equal("0", (await w.User.Client.GetAsync(w.Path("history"))).Header("X-Result-Count"));
    }

    [Fact]
    public async Task Customer_support_role_sees_the_offering_user_but_not_its_answers()
    {
        var w = await WorldAsync();
        var client = w.Provider.SupportRole.Client;
        (await client.GetAsync($"/api/marketplace-offering-users/{w.OfferingUser}/")).Expect(HttpStatusCode.OK);
        await AssertEverythingIsAsync(w, client, HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
    }

    [Fact]
    public async Task An_unrelated_user_gets_404()
    {
        var w = await WorldAsync();
        var stranger = await _world.CreateUserAsync();
        await AssertEverythingIsAsync(w, stranger.Client, HttpStatusCode.NotFound, "Not found.");
    }

    [Fact]
    public async Task An_offering_without_checklist_is_400_no_checklist_configured()
    {
        var provider = await _world.CreateProviderWorldAsync();
        var user = await _world.CreateUserAsync();
        var offeringUser = await _world.CreateOfferingUserAsync(provider.Offering, user);
        foreach (var action in ReadActions)
        {
            var response = (await user.Client.GetAsync($"/api/marketplace-offering-users/{offeringUser}/{action}/")).Expect(HttpStatusCode.BadRequest);
            JsonAssert.Equal(new { detail = "No checklist configured for this object" }, response);
        }
        var submitted = (await ApiWorld.SubmitAsync(user.Client, offeringUser)).Expect(HttpStatusCode.BadRequest);
        JsonAssert.Equal(new { detail = "No checklist configured for this object" }, submitted);
    }
}

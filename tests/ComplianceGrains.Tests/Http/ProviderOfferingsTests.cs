using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>Provider offerings: creation rules, compliance flag, archiving (API.md §1).</summary>
[Collection(ApiCollection.Name)]
public sealed class ProviderOfferingsTests(ApiFactory factory)
{
    private const string Offerings = "/api/marketplace-provider-offerings/";

    private readonly ApiWorld _world = new(factory);

    private async Task<string> ProviderCustomerAsync()
    {
        var customer = await _world.CreateCustomerAsync();
        await _world.CreateProviderAsync(customer);
        return customer;
    }

    [Fact]
    public async Task A_provider_offering_has_the_documented_fields()
    {
        var customer = await _world.CreateCustomerAsync();
        var provider = await _world.CreateProviderAsync(customer);
        var checklistName = ApiWorld.Unique("checklist");
        var checklist = await _world.CreateChecklistAsync(checklistName);

        var offering = (await _world.Admin.PostAsync(Offerings, new
        {
            name = "Cloud VM", customer, description = "Virtual machines", compliance_checklist = checklist,
        })).Expect(HttpStatusCode.Created);

        Assert.Equal($"http://localhost{Offerings}{offering["uuid"]}/", offering["url"]);
        Assert.Equal("Cloud VM", offering["name"]);
        Assert.Equal("Virtual machines", offering["description"]);
        Assert.Equal(customer, offering["customer_uuid"]);
        Assert.Equal(provider, offering["service_provider_uuid"]);
        Assert.Equal("Active", offering["state"]);
        Assert.Equal(checklist, offering["compliance_checklist"]);
        Assert.Equal(checklistName, offering["compliance_checklist_name"]);
        Assert.True(offering.Json!["has_compliance_requirements"]!.GetValue<bool>());
        Assert.Matches(@"Z$", offering["created"]);
    }

    [Fact]
    public async Task Name_and_customer_are_required()
    {
        var response = (await _world.Admin.PostAsync(Offerings, new { description = "Nameless" })).Expect(HttpStatusCode.BadRequest);

        response.ExpectFieldError("name").ExpectFieldError("customer");
    }

    [Fact]
    public async Task An_offering_of_a_customer_without_a_service_provider_is_400()
    {
        var customer = await _world.CreateCustomerAsync();
        (await _world.Admin.PostAsync(Offerings, new { name = "No provider", customer })).ExpectFieldError("customer");
    }

    [Fact]
    public async Task An_unknown_compliance_checklist_is_400_object_does_not_exist()
    {
        var customer = await ProviderCustomerAsync();
        var missing = Guid.NewGuid().ToString("N");

        (await _world.Admin.PostAsync(Offerings, new { name = "Unknown checklist", customer, compliance_checklist = missing }))
            .ExpectFieldError("compliance_checklist", $"Object with uuid={missing} does not exist.");
    }

    [Fact]
    public async Task A_checklist_of_another_type_is_400_object_does_not_exist()
    {
        var customer = await ProviderCustomerAsync();
        var checklist = (await _world.Admin.PostAsync("/api/checklists-admin/", new
        {
            name = ApiWorld.Unique("checklist"), checklist_type = "project_compliance",
        })).Expect(HttpStatusCode.Created)["uuid"];

        (await _world.Admin.PostAsync(Offerings, new { name = "Wrong type", customer, compliance_checklist = checklist }))
            .ExpectFieldError("compliance_checklist", $"Object with uuid={checklist} does not exist.");
    }

    [Fact]
    public async Task A_malformed_compliance_checklist_is_400_must_be_a_valid_uuid()
    {
        var customer = await ProviderCustomerAsync();
        (await _world.Admin.PostAsync(Offerings, new { name = "Malformed", customer, compliance_checklist = "12345" }))
            .ExpectFieldError("compliance_checklist", "Must be a valid UUID.");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Has_compliance_requirements_is_true_exactly_when_a_checklist_is_set(bool withChecklist)
    {
        var customer = await ProviderCustomerAsync();
        var checklist = withChecklist ? await _world.CreateChecklistAsync() : null;
        var offering = await _world.CreateOfferingAsync(customer, checklist);

        var provider = (await _world.Admin.GetAsync($"{Offerings}{offering}/")).Expect(HttpStatusCode.OK);
        var publicView = (await _world.Anonymous.GetAsync($"/api/marketplace-public-offerings/{offering}/")).Expect(HttpStatusCode.OK);

        Assert.Equal(withChecklist, provider.Json!["has_compliance_requirements"]!.GetValue<bool>());
        Assert.Equal(withChecklist, publicView.Json!["has_compliance_requirements"]!.GetValue<bool>());
        Assert.Equal(checklist, provider.Json!["compliance_checklist"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_token_is_refused_even_on_the_public_catalogue()
    {
        var customer = await ProviderCustomerAsync();
        var offering = await _world.CreateOfferingAsync(customer);

        var refused = (await _world.As("revoked-token").GetAsync($"/api/marketplace-public-offerings/{offering}/"))
            .Expect(HttpStatusCode.Unauthorized);

        Assert.Equal("Invalid token.", refused["detail"]);
    }

    [Fact]
    public async Task A_public_offering_shows_the_documented_fields_without_a_token()
    {
        var customer = await ProviderCustomerAsync();
        var offering = await _world.CreateOfferingAsync(customer, name: "Public VM");

        var view = (await _world.Anonymous.GetAsync($"/api/marketplace-public-offerings/{offering}/")).Expect(HttpStatusCode.OK);

        Assert.Equal($"http://localhost/api/marketplace-public-offerings/{offering}/", view["url"]);
        Assert.Equal("Public VM", view["name"]);
        Assert.Equal(customer, view["customer_uuid"]);
        Assert.Equal("Active", view["state"]);
        Assert.Contains(offering, await _world.Anonymous.ListAllUuidsAsync("/api/marketplace-public-offerings/?page_size=300"));
    }

    [Fact]
    public async Task Archiving_sets_state_archived_and_hides_the_offering_from_the_public()
    {
        var provider = await _world.CreateProviderWorldAsync();

        var archived = (await provider.Manager.Client.PostAsync($"{Offerings}{provider.Offering}/archive/")).Expect(HttpStatusCode.OK);

        Assert.Equal("Archived", archived["state"]);
        Assert.Equal("Archived", (await provider.Owner.Client.GetAsync($"{Offerings}{provider.Offering}/")).Expect(HttpStatusCode.OK)["state"]);
        (await _world.Anonymous.GetAsync($"/api/marketplace-public-offerings/{provider.Offering}/")).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain(provider.Offering, await _world.Anonymous.ListAllUuidsAsync("/api/marketplace-public-offerings/?page_size=300"));
    }

    [Fact]
    public async Task A_refused_archive_leaves_the_offering_active()
    {
        var provider = await _world.CreateProviderWorldAsync();

        (await provider.SupportRole.Client.PostAsync($"{Offerings}{provider.Offering}/archive/")).Expect(HttpStatusCode.Forbidden);

        Assert.Equal("Active", (await _world.Admin.GetAsync($"{Offerings}{provider.Offering}/")).Expect(HttpStatusCode.OK)["state"]);
    }

    [Fact]
    public async Task Members_list_the_offerings_of_their_customers_only()
    {
        var mine = await _world.CreateProviderWorldAsync();
        var theirs = await _world.CreateProviderWorldAsync();

        var listed = await mine.SupportRole.Client.ListAllUuidsAsync($"{Offerings}?page_size=300");

        Assert.Contains(mine.Offering, listed);
        Assert.DoesNotContain(theirs.Offering, listed);
        (await mine.SupportRole.Client.GetAsync($"{Offerings}{theirs.Offering}/")).Expect(HttpStatusCode.NotFound);
    }
}

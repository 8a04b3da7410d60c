using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>API.md §9: compliance/offering_users/ sends Waldur's integer state codes; the offering-user API keeps labels.</summary>
[Collection(ApiCollection.Name)]
public sealed class OfferingUserStateCodeTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    [Fact]
    public async Task Provider_rows_carry_the_integer_code_of_the_offering_users_state()
    {
        var p = await _world.CreateMonitoredProviderAsync();
        (await _world.Admin.PatchAsync($"/api/marketplace-offering-users/{p.Adam}/", new { state = "Pending account linking" }))
            .Expect(HttpStatusCode.OK);

        var rows = (await _world.Admin.GetAsync(p.Path("offering_users"))).Expect(HttpStatusCode.OK).Array
            .ToDictionary(r => r!["uuid"]!.GetValue<string>(), r => r!["state"]!.GetValue<int>());

        Assert.Equal(3, rows[p.Adam]);
        Assert.Equal(5, rows[p.Zoe]);
        var label = (await _world.Admin.GetAsync($"/api/marketplace-offering-users/{p.Adam}/")).Expect(HttpStatusCode.OK)["state"];
        Assert.Equal("Pending account linking", label);
    }

    [Fact]
    public async Task Csv_export_has_the_code_in_state_and_the_label_after_it()
    {
        var p = await _world.CreateMonitoredProviderAsync();
        (await _world.Admin.PatchAsync($"/api/marketplace-offering-users/{p.Zoe}/", new { state = "Error deleting" }))
            .Expect(HttpStatusCode.OK);

        var csv = (await _world.Admin.GetAsync(p.Path("export") + "?format=csv")).Expect(HttpStatusCode.OK);
        var lines = csv.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        var header = lines[0].ToList();
        var state = header.IndexOf("state");
        var label = header.IndexOf("state_label");
        Assert.True(state >= 0 && label > state, string.Join(",", header));
        var zoe = lines.Single(l => l[0] == p.Zoe);
        Assert.Equal(("10", "Error deleting"), (zoe[state], zoe[label]));
    }
}

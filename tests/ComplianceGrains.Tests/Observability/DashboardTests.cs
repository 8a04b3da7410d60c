using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Observability;

/// <summary>The Orleans dashboard at /dashboard/ in embedded mode: staff only.</summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    [Fact]
    public async Task Staff_open_the_dashboard_page()
    {
        var staff = await _world.CreateUserAsync(staff: true);

        var page = (await staff.Client.GetAsync("/dashboard/")).Expect(HttpStatusCode.OK);
        Assert.StartsWith("text/html", page.Header("Content-Type"));
        Assert.Contains("Orleans Dashboard", page.Body);
    }

    [Fact]
    public async Task Others_are_refused_with_a_JSON_error()
    {
        var user = await _world.CreateUserAsync();

        var anonymous = (await _world.Anonymous.GetAsync("/dashboard/")).Expect(HttpStatusCode.Unauthorized);
        Assert.Equal("Authentication credentials were not provided.", anonymous["detail"]);
        (await user.Client.GetAsync("/dashboard/")).Expect(HttpStatusCode.Forbidden);
        (await _world.Anonymous.GetAsync("/dashboard/index.html")).Expect(HttpStatusCode.Unauthorized);
    }
}

using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

[Collection(ApiCollection.Name)]
public sealed class ConventionsTests(ApiFactory factory)
{
    private readonly ApiWorld _world = new(factory);

    [Fact]
    public async Task Missing_token_is_401_with_the_documented_detail()
    {
        var response = (await _world.Anonymous.GetAsync("/api/users/me/")).Expect(HttpStatusCode.Unauthorized);
        Assert.Equal("Authentication credentials were not provided.", response["detail"]);
    }

    [Fact]
    public async Task Unknown_token_is_401_invalid_token()
    {
        var response = (await _world.As("not-a-token").GetAsync("/api/users/me/")).Expect(HttpStatusCode.Unauthorized);
        Assert.Equal("Invalid token.", response["detail"]);
    }

    [Fact]
    public async Task Paths_work_with_and_without_the_trailing_slash()
    {
        (await _world.Admin.GetAsync("/api/users/me/")).Expect(HttpStatusCode.OK);
        (await _world.Admin.GetAsync("/api/users/me")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Uuids_are_written_as_32_hex_characters_and_accepted_in_both_forms()
    {
        var checklist = await _world.CreateChecklistAsync();
        Assert.Matches("^[0-9a-f]{32}$", checklist);
        var hyphenated = Guid.ParseExact(checklist, "N").ToString("D");
        var response = (await _world.Admin.GetAsync($"/api/checklists-admin/{hyphenated}/")).Expect(HttpStatusCode.OK);
        Assert.Equal(checklist, response["uuid"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", response["created"]);
    }
}

using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>API.md §6: /api/marketplace-offering-user-checklist-completions/.</summary>
[Collection(ApiCollection.Name)]
public sealed class CompletionsListTests(ApiFactory factory)
{
    private const string Path = "/api/marketplace-offering-user-checklist-completions/";
    private readonly ApiWorld _world = new(factory);

    private static List<string> OfferingUsers(ApiResponse response) =>
        response.Array.Select(r => r!["offering_user_uuid"]!.ToString()).ToList();

    [Fact]
    public async Task A_user_sees_only_their_own_completions()
    {
        var w = await _world.CreateOfferingUserWorldAsync(new { description = "Q", question_type = "boolean" });
        var other = await _world.CreateOfferingUserAsync(w.Provider.Offering, await _world.CreateUserRecordAsync());

        var own = (await w.User.Client.GetAsync(Path)).Expect(HttpStatusCode.OK);
        Assert.Equal([w.OfferingUser], OfferingUsers(own));
        Assert.Equal(w.Checklist, own.Array[0]!["checklist_uuid"]!.ToString());

        var manager = (await w.Provider.Manager.Client.GetAsync($"{Path}?offering_uuid={w.Provider.Offering}")).Expect(HttpStatusCode.OK);
        Assert.Equal(new[] { w.OfferingUser, other }.Order(), OfferingUsers(manager).Order());
        var stranger = await _world.CreateUserAsync();
        Assert.Empty((await stranger.Client.GetAsync(Path)).Expect(HttpStatusCode.OK).Array);
    }

    [Fact]
    public async Task Malformed_filters_are_400_and_an_unknown_offering_is_an_empty_list()
    {
        var response = (await _world.Admin.GetAsync($"{Path}?user_uuid=invalid")).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(response.Json!["user_uuid"]!.AsArray());
        (await _world.Admin.GetAsync($"{Path}?offering_uuid=invalid")).Expect(HttpStatusCode.BadRequest);
        var empty = (await _world.Admin.GetAsync($"{Path}?offering_uuid={Guid.NewGuid():N}")).Expect(HttpStatusCode.OK);
        Assert.Empty(empty.Array);
        Assert.Equal("0", empty.Header("X-Result-Count"));
    }

    [Fact]
    public async Task Pages_of_ten_with_the_total_and_ordering_by_completion()
    {
        var (checklist, questions) = await _world.CreateChecklistWithQuestionsAsync(new { description = "Q", question_type = "boolean", required = true });
        var provider = await _world.CreateProviderWorldAsync(checklist);
        var users = new List<string>();
        for (var i = 0; i < 17; i++) users.Add(await _world.CreateOfferingUserAsync(provider.Offering, await _world.CreateUserRecordAsync()));
        var completed = users.Where((_, i) => i % 3 == 0).ToHashSet();
        foreach (var user in completed) (await ApiWorld.SubmitAsync(_world.Admin, user, (questions[0], true))).Expect(HttpStatusCode.OK);

        var filter = $"{Path}?offering_uuid={provider.Offering}";
        var first = (await _world.Admin.GetAsync($"{filter}&page_size=10")).Expect(HttpStatusCode.OK);
        Assert.Equal(10, first.Array.Count);
        Assert.Equal("17", first.Header("X-Result-Count"));
        var second = (await _world.Admin.GetAsync($"{filter}&page_size=10&page=2")).Expect(HttpStatusCode.OK);
        Assert.Equal(users.Order(), OfferingUsers(first).Concat(OfferingUsers(second)).Order());

        var ordered = (await _world.Admin.GetAsync($"{filter}&o=-is_completed&page_size=20")).Expect(HttpStatusCode.OK);
        var flags = ordered.Array.Select(r => r!["is_completed"]!.GetValue<bool>()).ToList();
        Assert.Equal(Enumerable.Repeat(true, completed.Count).Concat(Enumerable.Repeat(false, 17 - completed.Count)), flags);
        Assert.Equal(completed.Order(), OfferingUsers(ordered).Take(completed.Count).Order());

        var onlyCompleted = (await _world.Admin.GetAsync($"{filter}&is_completed=true")).Expect(HttpStatusCode.OK);
        Assert.Equal(completed.Count.ToString(), onlyCompleted.Header("X-Result-Count"));
        (await _world.Admin.GetAsync($"{filter}&o=name")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task One_completion_by_uuid_and_no_writes()
    {
        var w = await _world.CreateOfferingUserWorldAsync(new { description = "Q", question_type = "boolean" });
        var completion = (await w.User.Client.GetAsync(w.Path("completion_status"))).Expect(HttpStatusCode.OK)["uuid"];

        var row = (await w.User.Client.GetAsync($"{Path}{completion}/")).Expect(HttpStatusCode.OK);
        Assert.Equal((completion, w.OfferingUser, w.Provider.Offering), (row["uuid"], row["offering_user_uuid"], row["offering_uuid"]));
        (await (await _world.CreateUserAsync()).Client.GetAsync($"{Path}{completion}/")).Expect(HttpStatusCode.NotFound);

        var post = (await w.User.Client.PostAsync(Path, new { })).Expect(HttpStatusCode.MethodNotAllowed);
        Assert.Equal("Method \"POST\" not allowed.", post["detail"]);
        (await _world.Admin.DeleteAsync($"{Path}{completion}/")).Expect(HttpStatusCode.MethodNotAllowed);
    }
}

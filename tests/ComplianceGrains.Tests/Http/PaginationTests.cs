using System.Net;
using ComplianceGrains.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace ComplianceGrains.Tests.Http;

/// <summary>
/// Pagination of list endpoints (API.md §0), on the questions of a new checklist listed with the
/// <c>checklist_uuid</c> filter, so that the test controls the total and the filter must survive in the links.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PaginationTests(ApiFactory factory)
{
    private const string Questions = "/api/checklists-admin-questions/";

    private readonly ApiWorld _world = new(factory);

    /// <summary>A checklist with this many questions; returns the checklist and its questions in list order.</summary>
    private async Task<(string Checklist, IReadOnlyList<string> Questions)> ChecklistWithQuestionsAsync(int count)
    {
        var checklist = await _world.CreateChecklistAsync();
        var questions = new List<string>();
        for (var i = 0; i < count; i++)
            questions.Add(await _world.CreateQuestionAsync(checklist, new { description = $"Question {i}", order = i }));
        return (checklist, questions);
    }

    private Task<ApiResponse> ListAsync(string checklist, string query = "") =>
        _world.Admin.GetAsync($"{Questions}?checklist_uuid={checklist}{query}");

    [Theory]
    [InlineData("")]
    [InlineData("&page_size=abc")]
    [InlineData("&page_size=0")]
    [InlineData("&page_size=-5")]
    public async Task The_default_page_size_is_10(string query)
    {
        var (checklist, questions) = await ChecklistWithQuestionsAsync(12);

        var page = (await ListAsync(checklist, query)).Expect(HttpStatusCode.OK);

        Assert.Equal(questions.Take(10), page.Uuids());
        Assert.Equal("12", page.Header("X-Result-Count"));
    }

    [Fact]
    public async Task Pages_split_the_list_without_gaps_or_overlap()
    {
        var (checklist, questions) = await ChecklistWithQuestionsAsync(7);

        var pages = new List<string>();
        for (var number = 1; number <= 3; number++)
            pages.AddRange((await ListAsync(checklist, $"&page_size=3&page={number}")).Expect(HttpStatusCode.OK).Uuids());

        Assert.Equal(questions, pages);
    }

    [Fact]
    public async Task Page_size_is_capped_at_300()
    {
        var (checklist, _) = await ChecklistWithQuestionsAsync(301);

        var first = (await ListAsync(checklist, "&page_size=1000")).Expect(HttpStatusCode.OK);
        var second = (await ListAsync(checklist, "&page_size=1000&page=2")).Expect(HttpStatusCode.OK);

        Assert.Equal(300, first.Array.Count);
        Assert.Single(second.Array);
        Assert.Equal(301, first.ResultCount());
    }

    [Fact]
    public async Task Link_headers_are_absolute_and_keep_the_other_query_parameters()
    {
        var (checklist, _) = await ChecklistWithQuestionsAsync(7);

        var middle = (await ListAsync(checklist, "&page_size=3&page=2")).Expect(HttpStatusCode.OK);

        var links = middle.Links();
        Assert.Equal(["first", "prev", "next", "last"], links.Keys);
        foreach (var (rel, expectedPage) in new[] { ("first", "1"), ("prev", "1"), ("next", "3"), ("last", "3") })
        {
            var url = new Uri(links[rel]);
            Assert.True(url.IsAbsoluteUri, $"{rel} link is not absolute: {url}");
            Assert.Equal("http://localhost/api/checklists-admin-questions/", url.GetLeftPart(UriPartial.Path));
            var query = QueryHelpers.ParseQuery(url.Query);
            Assert.Equal(checklist, query["checklist_uuid"].ToString());
            Assert.Equal("3", query["page_size"].ToString());
            Assert.Equal(expectedPage, query["page"].ToString());
        }
    }

    [Fact]
    public async Task Following_the_next_links_walks_every_item_once()
    {
        var (checklist, questions) = await ChecklistWithQuestionsAsync(5);

        var walked = await _world.Admin.ListAllUuidsAsync($"{Questions}?checklist_uuid={checklist}&page_size=2");

        Assert.Equal(questions, walked);
    }

    [Fact]
    public async Task The_first_page_has_no_prev_and_the_last_page_no_next()
    {
        var (checklist, _) = await ChecklistWithQuestionsAsync(4);

        var first = (await ListAsync(checklist, "&page_size=2")).Expect(HttpStatusCode.OK);
        var last = (await ListAsync(checklist, "&page_size=2&page=2")).Expect(HttpStatusCode.OK);

        Assert.Equal(["first", "next", "last"], first.Links().Keys);
        Assert.Equal(["first", "prev", "last"], last.Links().Keys);
    }

    [Fact]
    public async Task An_empty_list_is_one_empty_page()
    {
        var checklist = await _world.CreateChecklistAsync();

        var page = (await ListAsync(checklist)).Expect(HttpStatusCode.OK);

        Assert.Empty(page.Array);
        Assert.Equal(0, page.ResultCount());
        Assert.Equal(["first", "last"], page.Links().Keys);
    }

    [Theory]
    [InlineData("&page=3")]
    [InlineData("&page=0")]
    [InlineData("&page=-1")]
    [InlineData("&page=abc")]
    public async Task A_page_past_the_end_or_not_a_page_number_is_404_invalid_page(string query)
    {
        var (checklist, _) = await ChecklistWithQuestionsAsync(12);

        (await ListAsync(checklist, query)).ExpectDetail(HttpStatusCode.NotFound, "Invalid page.");
    }

    [Fact]
    public async Task The_questions_of_one_checklist_are_not_paginated()
    {
        var (checklist, questions) = await ChecklistWithQuestionsAsync(12);

        var nested = (await _world.Admin.GetAsync($"/api/checklists-admin/{checklist}/questions/")).Expect(HttpStatusCode.OK);

        Assert.Equal(questions, nested.Uuids());
    }

    [Theory]
    [InlineData("/api/users/")]
    [InlineData("/api/customers/")]
    [InlineData("/api/marketplace-service-providers/")]
    [InlineData("/api/marketplace-provider-offerings/")]
    [InlineData("/api/marketplace-public-offerings/")]
    [InlineData("/api/marketplace-offering-users/")]
    [InlineData("/api/checklists-admin/")]
    [InlineData("/api/checklists-admin-questions/")]
    [InlineData("/api/checklists-admin-question-options/")]
    public async Task Every_list_endpoint_is_paginated(string path)
    {
        var page = (await _world.Admin.GetAsync($"{path}?page_size=1")).Expect(HttpStatusCode.OK);

        Assert.True(page.Array.Count <= 1);
        Assert.NotNull(page.Header("X-Result-Count"));
        Assert.Contains("first", page.Links().Keys);
        Assert.Contains("last", page.Links().Keys);
        (await _world.Admin.GetAsync($"{path}?page=100000")).ExpectDetail(HttpStatusCode.NotFound, "Invalid page.");
    }
}

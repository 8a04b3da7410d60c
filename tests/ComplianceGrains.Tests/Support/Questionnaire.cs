using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace ComplianceGrains.Tests.Support;

/// <summary>
/// A checklist attached to a new provider's offering, answered by a new offering user: the setting of the tests of
/// answering, conditional questions, review and guidance. Questions are added before the offering user exists.
/// </summary>
public sealed class Questionnaire(ApiWorld world, string checklist)
{
    public ApiWorld World { get; } = world;

    public string Checklist { get; } = checklist;

    public static async Task<Questionnaire> CreateAsync(ApiWorld world) => new(world, await world.CreateChecklistAsync());

    public Task<string> AddQuestionAsync(object fields) => World.CreateQuestionAsync(Checklist, fields);

    public Task<string> AddOptionAsync(string question, string label, int order = 0) => World.CreateOptionAsync(question, label, order);

    /// <summary>Attaches the checklist to a new provider's offering and makes a new user its offering user.</summary>
    public async Task<Respondent> StartAsync()
    {
        var provider = await World.CreateProviderWorldAsync(Checklist);
        var user = await World.CreateUserAsync();
        var offeringUser = await World.CreateOfferingUserAsync(provider.Offering, user);
        return new Respondent(World, provider, user, offeringUser);
    }
}

/// <summary>An offering user answering a checklist, and the calls made about it.</summary>
public sealed record Respondent(ApiWorld World, ProviderWorld Provider, TestUser User, string OfferingUser)
{
    public string Path(string action) => $"/api/marketplace-offering-users/{OfferingUser}/{action}/";

    public Task<ApiResponse> SubmitAsync(params (string Question, object? Answer)[] answers) => SubmitAsync(User.Client, answers);

    public Task<ApiResponse> SubmitAsync(ApiClient caller, params (string Question, object? Answer)[] answers) =>
        caller.PostAsync(Path("submit_answers"), answers.Select(a => new { question_uuid = a.Question, answer_data = a.Answer }).ToArray());

    /// <summary>Submits and expects 200; returns the completion status of the response.</summary>
    public async Task<JsonNode> AnswerAsync(params (string Question, object? Answer)[] answers) =>
        (await SubmitAsync(answers)).Expect(HttpStatusCode.OK).Json!["completion"]!;

    public async Task<JsonNode> ChecklistAsync(ApiClient? caller = null, bool includeAll = false) =>
        (await (caller ?? User.Client).GetAsync(Path("checklist") + (includeAll ? "?include_all=true" : "")))
        .Expect(HttpStatusCode.OK).Json!;

    public async Task<JsonNode> StatusAsync(ApiClient? caller = null) =>
        (await (caller ?? User.Client).GetAsync(Path("completion_status"))).Expect(HttpStatusCode.OK).Json!;

    /// <summary>The uuids of the questions a checklist/ body shows, in order.</summary>
    public static IReadOnlyList<string> QuestionUuids(JsonNode checklist) =>
        checklist["questions"]!.AsArray().Select(q => q!["uuid"]!.GetValue<string>()).ToList();

    /// <summary>One question of a checklist/ body.</summary>
    public static JsonObject Question(JsonNode checklist, string uuid) =>
        checklist["questions"]!.AsArray().Single(q => q!["uuid"]!.GetValue<string>() == uuid)!.AsObject();

    /// <summary>Downloads a stored file with the raw bytes and headers.</summary>
    public async Task<(HttpStatusCode Status, byte[] Content, string? ContentType)> DownloadAsync(ApiClient caller, string storedFileId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path($"files/{storedFileId}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", caller.Token);
        using var response = await World.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType);
    }
}

using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Sqlite;

/// <summary>
/// A small world that touches every embedded store (grain state, catalogs, offering members, the projection, history,
/// files, the lifecycle job), built through the API, and the answers of the endpoints that read it back.
/// </summary>
public sealed record EmbeddedSample(Respondent Respondent, string Checklist, string Agree, string Evidence, string Other, string StoredFile)
{
    public static async Task<EmbeddedSample> CreateAsync(ApiWorld world)
    {
        var questionnaire = await Questionnaire.CreateAsync(world);
        var agree = await questionnaire.AddQuestionAsync(new { description = "Agree", question_type = "boolean", required = true, order = 1 });
        var evidence = await questionnaire.AddQuestionAsync(new
        {
            description = "Evidence", question_type = "file", required = true, order = 2,
            allowed_file_types = new[] { ".pdf" }, allowed_mime_types = new[] { "application/pdf" },
        });
        var respondent = await questionnaire.StartAsync();
        var other = await world.CreateOfferingUserAsync(respondent.Provider.Offering, await world.CreateUserRecordAsync("Other user"));
        await world.WaitForSyncIdleAsync(respondent.Provider.Offering);
        await respondent.AnswerAsync((agree, false));
        var completion = await respondent.AnswerAsync((agree, true), (evidence, SampleFiles.Answer("evidence.pdf", SampleFiles.Pdf())));
        Assert.True(completion["is_completed"]!.GetValue<bool>());
        var stored = Respondent.Question(await respondent.ChecklistAsync(), evidence)["existing_answer"]!["answer_data"]!["stored_file_id"]!;
        return new EmbeddedSample(respondent, questionnaire.Checklist, agree, evidence, other, stored.GetValue<string>());
    }

    /// <summary>Creates the world in embedded mode on <paramref name="dataDirectory"/>, reads it back, and stops that host.</summary>
    public static async Task<(EmbeddedSample Sample, IReadOnlyDictionary<string, string> Answers)> CreateAndReadAsync(string dataDirectory)
    {
        await using var host = new SqliteApiHost(dataDirectory);
        var world = host.World();
        var sample = await CreateAsync(world);
        return (sample, await sample.ReadAsync(world));
    }

    /// <summary>The same world seen through another host's client (the tokens are the same).</summary>
    public EmbeddedSample On(ApiWorld world) => this with
    {
        Respondent = Respondent with { World = world, User = Respondent.User with { Client = world.As(Respondent.User.Client.Token!) } },
    };

    /// <summary>
    /// Every endpoint that reads this world, by path, with the body it answers to staff (and to the user); the service's
    /// own address in links is written as <c>http://service</c>, so that hosts on different addresses compare.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadAsync(ApiWorld world)
    {
        var address = world.Http.BaseAddress!.GetLeftPart(UriPartial.Authority);
        string Body(ApiResponse response) => response.Expect(HttpStatusCode.OK).Body.Replace(address, "http://service");
        var provider = Respondent.Provider;
        string[] adminPaths =
        [
            "/api/checklists-admin/", $"/api/checklists-admin/{Checklist}/", $"/api/checklists-admin/{Checklist}/questions/",
            "/api/users/", $"/api/users/{Respondent.User.Id}/", "/api/customers/", $"/api/customers/{provider.Customer}/",
            "/api/marketplace-service-providers/", $"/api/marketplace-service-providers/{provider.Provider}/",
            "/api/marketplace-provider-offerings/", $"/api/marketplace-provider-offerings/{provider.Offering}/",
            $"/api/marketplace-provider-offerings/{provider.Offering}/compliance_sync/",
            "/api/marketplace-offering-users/", $"/api/marketplace-offering-users/{Respondent.OfferingUser}/",
            $"/api/marketplace-offering-users/{Other}/",
            Respondent.Path("checklist"), Respondent.Path("completion_status"), Respondent.Path("history"),
            Respondent.Path("checklist_review"), Respondent.Path("completion_review_status"),
            "/api/marketplace-offering-user-checklist-completions/",
            $"/api/marketplace-service-providers/{provider.Provider}/compliance/compliance_overview/",
            $"/api/marketplace-service-providers/{provider.Provider}/compliance/offering_users/",
            $"/api/marketplace-service-providers/{provider.Provider}/compliance/checklists_summary/",
        ];
        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in adminPaths) answers[path] = Body(await world.Admin.GetAsync(path));
        answers["user: " + Respondent.Path("completion_status")] =
            Body(await Respondent.User.Client.GetAsync(Respondent.Path("completion_status")));
        var (status, content, _) = await Respondent.DownloadAsync(world.Admin, StoredFile);
        Assert.Equal(HttpStatusCode.OK, status);
        answers["file"] = Convert.ToBase64String(content);
        return answers;
    }
}

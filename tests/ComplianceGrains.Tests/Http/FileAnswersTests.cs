using System.Net;
using System.Text.Json.Nodes;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Http;

/// <summary>
/// File answers through the API (BEHAVIOUR.md §1): real files are sniffed by libmagic, the answer keeps a description
/// of the stored file, and the bytes come back from <c>files/{stored_file_id}/</c> to those who may read the answers.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FileAnswersTests(ApiFactory factory)
{
    private const int Mebibyte = 1024 * 1024;

    private readonly ApiWorld _world = new(factory);

    private async Task<(Respondent Respondent, string Question)> FileQuestionAsync(object fields)
    {
        var questionnaire = await Questionnaire.CreateAsync(_world);
        var question = await questionnaire.AddQuestionAsync(fields);
        return (await questionnaire.StartAsync(), question);
    }

    private Task<(Respondent Respondent, string Question)> PdfOnlyAsync() => FileQuestionAsync(new
    {
        description = "Signed data processing agreement",
        question_type = "file",
        required = true,
        allowed_file_types = new[] { ".pdf" },
        allowed_mime_types = new[] { "application/pdf" },
    });

    private static async Task<JsonNode?> StoredAnswerAsync(Respondent respondent, string question) =>
        Respondent.Question(await respondent.ChecklistAsync(), question)["existing_answer"]?["answer_data"];

    [Fact]
    public async Task A_real_pdf_is_accepted_and_stored_as_a_description_without_its_bytes()
    {
        var (respondent, question) = await PdfOnlyAsync();
        var pdf = SampleFiles.Pdf();

        var completion = await respondent.AnswerAsync((question, SampleFiles.Answer("agreement.pdf", pdf)));

        Assert.True(completion["is_completed"]!.GetValue<bool>());
        var stored = (await StoredAnswerAsync(respondent, question))!.AsObject();
        Assert.Equal(["mime_type", "name", "size", "stored_file_id"], stored.Select(p => p.Key).Order());
        Assert.Equal("agreement.pdf", stored["name"]!.GetValue<string>());
        Assert.Equal(pdf.Length, stored["size"]!.GetValue<int>());
        Assert.Equal("application/pdf", stored["mime_type"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(stored["stored_file_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_text_file_named_pdf_is_rejected_where_a_pdf_is_required_and_nothing_is_stored()
    {
        var (respondent, question) = await PdfOnlyAsync();
        var text = Convert.ToBase64String(SampleFiles.Text());

        var response = await respondent.SubmitAsync((question, new { name = "agreement.pdf", content = text }));

        response.ExpectBody(HttpStatusCode.BadRequest, new JsonArray(new JsonObject
        {
            ["non_field_errors"] = new JsonArray(
                $"Answer value '{{'name': 'agreement.pdf', 'content': '{text}'}}' is not valid for the question 'Signed data processing agreement' (type: file)."),
        }).ToJsonString());
        Assert.Null(await StoredAnswerAsync(respondent, question));
        Assert.False((await respondent.StatusAsync())["is_completed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_pdf_with_a_name_outside_the_allowed_extensions_is_rejected()
    {
        var (respondent, question) = await PdfOnlyAsync();

        var response = await respondent.SubmitAsync((question, SampleFiles.Answer("agreement.txt", SampleFiles.Pdf())));

        response.Expect(HttpStatusCode.BadRequest);
        Assert.Null(await StoredAnswerAsync(respondent, question));
    }

    [Fact]
    public async Task An_image_family_accepts_a_real_png_and_rejects_a_pdf()
    {
        var (respondent, question) = await FileQuestionAsync(new
        {
            description = "Photo of the server room door", question_type = "file", allowed_mime_types = new[] { "image/*" },
        });

        (await respondent.SubmitAsync((question, SampleFiles.Answer("scan.png", SampleFiles.Pdf())))).Expect(HttpStatusCode.BadRequest);
        await respondent.AnswerAsync((question, SampleFiles.Answer("door.png", SampleFiles.Png())));

        var stored = await StoredAnswerAsync(respondent, question);
        Assert.Equal("image/png", stored!["mime_type"]!.GetValue<string>());
        Assert.Equal("door.png", stored["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_rejected_and_one_at_the_limit_accepted()
    {
        var (respondent, question) = await FileQuestionAsync(new
        {
            description = "Log export", question_type = "file", max_file_size_mb = 1,
        });

        (await respondent.SubmitAsync((question, SampleFiles.Answer("big.log", new byte[Mebibyte + 1])))).Expect(HttpStatusCode.BadRequest);
        Assert.Null(await StoredAnswerAsync(respondent, question));

        await respondent.AnswerAsync((question, SampleFiles.Answer("exact.log", new byte[Mebibyte])));
        Assert.Equal(Mebibyte, (await StoredAnswerAsync(respondent, question))!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Multiple_files_accepts_up_to_max_files_count_and_stores_each_description()
    {
        var (respondent, question) = await FileQuestionAsync(new
        {
            description = "Certificates", question_type = "multiple_files", max_files_count = 2,
        });
        object File(int i) => SampleFiles.Answer($"cert{i}.pdf", SampleFiles.Pdf($"cert{i}"));

        (await respondent.SubmitAsync((question, new[] { File(1), File(2), File(3) }))).Expect(HttpStatusCode.BadRequest);
        Assert.Null(await StoredAnswerAsync(respondent, question));

        await respondent.AnswerAsync((question, new[] { File(1), File(2) }));

        var stored = (await StoredAnswerAsync(respondent, question))!.AsArray();
        Assert.Equal(["cert1.pdf", "cert2.pdf"], stored.Select(f => f!["name"]!.GetValue<string>()));
        Assert.All(stored, f => Assert.Equal("application/pdf", f!["mime_type"]!.GetValue<string>()));
        Assert.All(stored, f => Assert.Null(f!["content"]));
        Assert.NotEqual(stored[0]!["stored_file_id"]!.GetValue<string>(), stored[1]!["stored_file_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_stored_file_comes_back_with_its_bytes_and_sniffed_type_to_the_user_a_manager_and_staff()
    {
        var (respondent, question) = await PdfOnlyAsync();
        var pdf = SampleFiles.Pdf(Guid.NewGuid().ToString("N"));
        await respondent.AnswerAsync((question, SampleFiles.Answer("agreement.pdf", pdf)));
        var fileId = (await StoredAnswerAsync(respondent, question))!["stored_file_id"]!.GetValue<string>();

        foreach (var caller in new[] { respondent.User.Client, respondent.Provider.Manager.Client, _world.Admin })
        {
            var (status, content, contentType) = await respondent.DownloadAsync(caller, fileId);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(pdf, content);
            Assert.Equal("application/pdf", contentType);
        }
    }

    [Fact]
    public async Task A_stored_file_is_not_found_for_an_unrelated_user_or_an_unknown_id()
    {
        var (respondent, question) = await PdfOnlyAsync();
        await respondent.AnswerAsync((question, SampleFiles.Answer("agreement.pdf", SampleFiles.Pdf())));
        var fileId = (await StoredAnswerAsync(respondent, question))!["stored_file_id"]!.GetValue<string>();
        var stranger = await _world.CreateUserAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await respondent.DownloadAsync(stranger.Client, fileId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await respondent.DownloadAsync(respondent.User.Client, Guid.NewGuid().ToString("N"))).Status);
        (await stranger.Client.GetAsync(respondent.Path($"files/{fileId}"))).ExpectDetail(HttpStatusCode.NotFound, "Not found.");
    }

    [Fact]
    public async Task A_file_of_another_offering_user_is_not_found_through_this_one()
    {
        var (first, question) = await PdfOnlyAsync();
        await first.AnswerAsync((question, SampleFiles.Answer("agreement.pdf", SampleFiles.Pdf())));
        var fileId = (await StoredAnswerAsync(first, question))!["stored_file_id"]!.GetValue<string>();
        var (second, _) = await PdfOnlyAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await second.DownloadAsync(second.User.Client, fileId)).Status);
    }
}

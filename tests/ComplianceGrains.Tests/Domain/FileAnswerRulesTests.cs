using System.Text;
using System.Text.Json;
using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;
using static ComplianceGrains.Tests.Domain.QuestionModel;

namespace ComplianceGrains.Tests.Domain;

/// <summary>
/// BEHAVIOUR.md §1 for <c>file</c> and <c>multiple_files</c>: strict base64, non-empty, extension, sniffed MIME type,
/// size and count. The sniffer is a fake that reports a chosen type and records what it was shown.
/// </summary>
public sealed class FileAnswerRulesTests
{
    private const long Mebibyte = 1024 * 1024;

    private sealed class FakeSniffer(string mimeType)
    {
        public List<byte[]> Seen { get; } = [];

        public string Sniff(byte[] content)
        {
            Seen.Add(content);
            return mimeType;
        }
    }

    private static QuestionView File(Func<QuestionDefinition, QuestionDefinition>? configure = null) =>
        Question(QuestionTypes.File, configure);

    private static QuestionView Files(int? maxCount) =>
        Question(QuestionTypes.MultipleFiles, q => q with { MaxFilesCount = maxCount });

    private static string FileJson(string name, byte[] content) =>
        JsonSerializer.Serialize(new { name, content = Convert.ToBase64String(content) });

    private static string FileJson(string name, string base64) => JsonSerializer.Serialize(new { name, content = base64 });

    private static IReadOnlyList<FileUpload>? Validate(QuestionView question, string json, string sniffed = "application/pdf") =>
        FileAnswerValidation.Validate(question, Json(json), new FakeSniffer(sniffed).Sniff);

    private static readonly byte[] Report = Encoding.ASCII.GetBytes("%PDF-1.4 report body");

    [Fact]
    public void A_valid_file_is_decoded_with_its_name_and_sniffed_type()
    {
        var sniffer = new FakeSniffer("application/pdf");

        var files = FileAnswerValidation.Validate(File(), Json(FileJson("report.pdf", Report)), sniffer.Sniff);

        var file = Assert.Single(files!);
        Assert.Equal("report.pdf", file.Name);
        Assert.Equal(Report, file.Content);
        Assert.Equal("application/pdf", file.MimeType);
        Assert.Equal(Report, Assert.Single(sniffer.Seen)); // the type comes from the decoded bytes
    }

    [Theory]
    [InlineData("YWJj$GVm")] // a character outside the alphabet
    [InlineData("YWJjZA")] // missing padding
    [InlineData("YWJjZA=")] // wrong padding
    [InlineData("YW=JjZA==")] // padding in the middle
    [InlineData("YWJj\nZGVm")] // line-wrapped
    [InlineData("YWJj ZGVm")]
    [InlineData("data:application/pdf;base64,YWJjZGVm")]
    public void Content_must_be_strict_base64(string content) => Assert.Null(Validate(File(), FileJson("report.pdf", content)));

    [Fact]
    public void Content_must_not_be_empty() => Assert.Null(Validate(File(), FileJson("report.pdf", "")));

    [Theory]
    [InlineData("\"report.pdf\"")]
    [InlineData("{\"name\": \"report.pdf\"}")]
    [InlineData("{\"content\": \"YWJj\"}")]
    [InlineData("{\"name\": \"\", \"content\": \"YWJj\"}")]
    [InlineData("{\"name\": \"   \", \"content\": \"YWJj\"}")]
    [InlineData("{\"name\": 5, \"content\": \"YWJj\"}")]
    [InlineData("{\"name\": \"a.pdf\", \"content\": [1, 2]}")]
    [InlineData("[{\"name\": \"a.pdf\", \"content\": \"YWJj\"}]")] // a list is for multiple_files
    [InlineData("true")]
    public void A_file_answer_must_be_an_object_with_a_name_and_content(string answer) => Assert.Null(Validate(File(), answer));

    [Theory]
    [InlineData("report.pdf", true)]
    [InlineData("REPORT.PDF", true)]
    [InlineData("scan.docx", true)]
    [InlineData("report.txt", false)]
    [InlineData("report.pdf.exe", false)]
    [InlineData("reportpdf", false)]
    public void The_extension_must_be_allowed_when_file_types_are_set(string name, bool valid)
    {
        var question = File(q => q with { AllowedFileTypes = [".pdf", ".docx"] });
        Assert.Equal(valid, Validate(question, FileJson(name, Report)) is not null);
    }

    [Theory]
    [InlineData("application/pdf", "application/pdf", true)]
    [InlineData("application/pdf", "text/plain", false)]
    [InlineData("application/pdf", "application/pdfx", false)]
    [InlineData("image/*", "image/png", true)]
    [InlineData("image/*", "image/jpeg", true)]
    [InlineData("image/*", "application/pdf", false)]
    [InlineData("image/*", "imagery/png", false)]
    [InlineData("text/*", "text/plain", true)]
    public void The_sniffed_type_must_match_an_allowed_mime_type_exactly_or_by_family(string allowed, string sniffed, bool valid)
    {
        var question = File(q => q with { AllowedMimeTypes = [allowed] });
        Assert.Equal(valid, Validate(question, FileJson("upload.bin", Report), sniffed) is not null);
    }

    [Fact]
    public void The_type_is_sniffed_from_the_bytes_not_taken_from_the_name()
    {
        var question = File(q => q with { AllowedFileTypes = [".png"], AllowedMimeTypes = ["image/*"] });
        Assert.Null(Validate(question, FileJson("photo.png", Report), sniffed: "text/plain"));
        Assert.NotNull(Validate(question, FileJson("photo.png", Report), sniffed: "image/png"));
    }

    [Fact]
    public void A_file_of_exactly_the_size_limit_is_accepted_and_one_byte_more_is_not()
    {
        var question = File(q => q with { MaxFileSizeMb = 1 });
        Assert.NotNull(Validate(question, FileJson("big.bin", new byte[Mebibyte])));
        Assert.Null(Validate(question, FileJson("big.bin", new byte[Mebibyte + 1])));
    }

    [Fact]
    public void Multiple_files_accepts_up_to_max_files_count()
    {
        string Many(int count) => "[" + string.Join(",", Enumerable.Range(1, count).Select(i => FileJson($"doc{i}.pdf", Report))) + "]";

        Assert.Equal(["doc1.pdf", "doc2.pdf"], Validate(Files(2), Many(2))!.Select(f => f.Name));
        Assert.Null(Validate(Files(2), Many(3)));
        Assert.Equal(5, Validate(Files(null), Many(5))!.Count);
    }

    [Fact]
    public void Multiple_files_is_invalid_when_any_one_file_is()
    {
        var question = Question(QuestionTypes.MultipleFiles, q => q with { AllowedFileTypes = [".pdf"] });
        var answer = $"[{FileJson("a.pdf", Report)}, {FileJson("b.txt", Report)}]";
        Assert.Null(Validate(question, answer));
    }

    [Fact]
    public void Multiple_files_must_be_a_list_of_file_objects()
    {
        Assert.Null(Validate(Files(3), FileJson("a.pdf", Report)));
        Assert.Null(Validate(Files(3), "[\"a.pdf\"]"));
    }

    [Fact]
    public void The_stored_answer_describes_the_file_without_its_bytes()
    {
        var upload = new FileUpload("report.pdf", Report, "application/pdf");

        var single = Json(FileAnswerValidation.StoredAnswerJson(File(), [(upload, "f1")]));
        var many = Json(FileAnswerValidation.StoredAnswerJson(Files(3), [(upload, "f1"), (upload, "f2")]));

        var expected = Json($$"""{"name": "report.pdf", "size": {{Report.Length}}, "mime_type": "application/pdf", "stored_file_id": "f1"}""");
        Assert.True(JsonElement.DeepEquals(expected, single), single.GetRawText());
        Assert.Equal(JsonValueKind.Array, many.ValueKind);
        Assert.Equal(["f1", "f2"], many.EnumerateArray().Select(f => f.GetProperty("stored_file_id").GetString()));
    }
}

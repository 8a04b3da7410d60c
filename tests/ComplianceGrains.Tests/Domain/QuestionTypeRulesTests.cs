using System.Text.Json;
using ComplianceGrains.Checklists;
using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using static ComplianceGrains.Tests.Domain.QuestionModel;

namespace ComplianceGrains.Tests.Domain;

/// <summary>
/// BEHAVIOUR.md §1 for the question types beyond the first six: which answers are valid, and what is stored.
/// (File answers are in <see cref="FileAnswerRulesTests"/>.)
/// </summary>
public sealed class QuestionTypeRulesTests
{
    private static bool Accepts(QuestionView question, string answerJson) => AnswerValidation.Normalise(question, Json(answerJson)) is not null;

    private static QuestionView Ranged(string type, decimal? min, decimal? max) =>
        Question(type, q => q with { MinValue = min, MaxValue = max });

    // ---- date ----

    [Theory]
    [InlineData("\"2024-01-15\"")]
    [InlineData("\"2024-02-29\"")] // leap day of a leap year
    [InlineData("\"2000-02-29\"")] // divisible by 400: a leap year
    [InlineData("\"2024-12-31\"")]
    public void Date_accepts_real_calendar_dates(string answer) => Assert.True(Accepts(Question(QuestionTypes.Date), answer));

    [Theory]
    [InlineData("\"2023-02-29\"")] // not a leap year
    [InlineData("\"1900-02-29\"")] // divisible by 100, not by 400
    [InlineData("\"2024-04-31\"")]
    [InlineData("\"2024-13-01\"")]
    [InlineData("\"2024-00-10\"")]
    [InlineData("\"15/01/2024\"")]
    [InlineData("\"01/15/2024\"")]
    [InlineData("\"2024-1-5\"")]
    [InlineData("\"20240115\"")]
    [InlineData("\"2024-01-15T10:30:00\"")]
    [InlineData("\"\"")]
    [InlineData("20240115")]
    [InlineData("true")]
    public void Date_rejects_other_formats_and_impossible_dates(string answer) =>
        Assert.False(Accepts(Question(QuestionTypes.Date), answer));

    // ---- datetime ----

    [Theory]
    [InlineData("\"2024-01-15T10:30:00\"")]
    [InlineData("\"2024-01-15T10:30\"")]
    [InlineData("\"2024-01-15T10:30:00Z\"")]
    [InlineData("\"2024-01-15T10:30:00+02:00\"")]
    [InlineData("\"2024-01-15T10:30:00-05:30\"")]
    [InlineData("\"2024-01-15T10:30:00.123456Z\"")]
    [InlineData("\"2024-01-15T10:30:00.5+01:00\"")]
    [InlineData("\"2024-02-29T23:59:59\"")]
    [InlineData("\"2024-01-15\"")] // a bare date is accepted
    public void Datetime_accepts_iso_8601_with_or_without_offset_and_fraction(string answer) =>
        Assert.True(Accepts(Question(QuestionTypes.DateTime), answer));

    [Theory]
    [InlineData("\"15/01/2024 10:30\"")]
    [InlineData("\"01/15/2024 10:30 AM\"")]
    [InlineData("\"2023-02-29T10:30:00\"")]
    [InlineData("\"2024-01-15T25:00:00\"")]
    [InlineData("\"2024-01-15T10:61:00\"")]
    [InlineData("\"Monday, 15 January 2024\"")]
    [InlineData("\"10:30\"")]
    [InlineData("\"\"")]
    [InlineData("1705314600")]
    public void Datetime_rejects_other_formats(string answer) =>
        Assert.False(Accepts(Question(QuestionTypes.DateTime), answer));

    // ---- year and rating ----

    [Theory]
    [InlineData(QuestionTypes.Year, "2024")]
    [InlineData(QuestionTypes.Year, "\"2024\"")]
    [InlineData(QuestionTypes.Year, "-44")]
    [InlineData(QuestionTypes.Rating, "4")]
    [InlineData(QuestionTypes.Rating, "\"4\"")]
    [InlineData(QuestionTypes.Rating, "0")]
    public void Year_and_rating_accept_an_integer_or_an_integer_string(string type, string answer) =>
        Assert.True(Accepts(Question(type), answer));

    [Theory]
    [InlineData(QuestionTypes.Year, "2024.5")]
    [InlineData(QuestionTypes.Year, "\"2024.5\"")]
    [InlineData(QuestionTypes.Year, "\"twenty\"")]
    [InlineData(QuestionTypes.Year, "\"\"")]
    [InlineData(QuestionTypes.Year, "true")]
    [InlineData(QuestionTypes.Year, "[2024]")]
    [InlineData(QuestionTypes.Year, "{}")]
    [InlineData(QuestionTypes.Rating, "3.5")]
    [InlineData(QuestionTypes.Rating, "\"3.5\"")]
    [InlineData(QuestionTypes.Rating, "false")]
    [InlineData(QuestionTypes.Rating, "\"four\"")]
    public void Year_and_rating_reject_fractions_booleans_and_other_values(string type, string answer) =>
        Assert.False(Accepts(Question(type), answer));

    [Theory]
    [InlineData(QuestionTypes.Year, "1990", true)]
    [InlineData(QuestionTypes.Year, "2030", true)]
    [InlineData(QuestionTypes.Year, "\"2030\"", true)]
    [InlineData(QuestionTypes.Year, "1989", false)]
    [InlineData(QuestionTypes.Year, "2031", false)]
    [InlineData(QuestionTypes.Year, "\"2031\"", false)]
    [InlineData(QuestionTypes.Rating, "1990", true)]
    [InlineData(QuestionTypes.Rating, "1989", false)]
    [InlineData(QuestionTypes.Rating, "\"1989\"", false)]
    public void Year_and_rating_bounds_are_inclusive(string type, string answer, bool valid) =>
        Assert.Equal(valid, Accepts(Ranged(type, 1990, 2030), answer));

    [Fact]
    public void Rating_with_only_a_maximum_accepts_anything_below_it()
    {
        var rating = Ranged(QuestionTypes.Rating, null, 5);
        Assert.True(Accepts(rating, "-3"));
        Assert.True(Accepts(rating, "5"));
        Assert.False(Accepts(rating, "6"));
    }

    // ---- email ----

    [Theory]
    [InlineData("\"user@example.com\"")]
    [InlineData("\"first.last+tag@mail.example.org\"")]
    [InlineData("\"a@b.ee\"")]
    public void Email_accepts_an_address_with_a_local_part_and_a_dotted_domain(string answer) =>
        Assert.True(Accepts(Question(QuestionTypes.Email), answer));

    [Theory]
    [InlineData("\"user\"")]
    [InlineData("\"@example.com\"")]
    [InlineData("\"user@\"")]
    [InlineData("\"user@localhost\"")]
    [InlineData("\"user@@example.com\"")]
    [InlineData("\"a@b@example.com\"")]
    [InlineData("\"user@example..com\"")]
    [InlineData("\"user@example.com.\"")]
    [InlineData("\"us er@example.com\"")]
    [InlineData("\"\"")]
    [InlineData("42")]
    [InlineData("[\"user@example.com\"]")]
    public void Email_rejects_anything_else(string answer) => Assert.False(Accepts(Question(QuestionTypes.Email), answer));

    // ---- url ----

    [Theory]
    [InlineData("\"https://example.com\"")]
    [InlineData("\"http://example.com/path?q=1#top\"")]
    [InlineData("\"https://sub.example.org:8443/a/b\"")]
    [InlineData("\"HTTPS://EXAMPLE.COM/\"")]
    public void Url_accepts_absolute_http_and_https_urls(string answer) =>
        Assert.True(Accepts(Question(QuestionTypes.Url), answer));

    [Theory]
    [InlineData("\"ftp://example.com/file\"")]
    [InlineData("\"mailto:user@example.com\"")]
    [InlineData("\"javascript:alert(1)\"")]
    [InlineData("\"file:///etc/passwd\"")]
    [InlineData("\"example.com\"")]
    [InlineData("\"www.example.com/page\"")]
    [InlineData("\"/relative/path\"")]
    [InlineData("\"https://\"")]
    [InlineData("\"https://exa mple.com\"")]
    [InlineData("\"\"")]
    [InlineData("true")]
    public void Url_rejects_other_schemes_and_relative_urls(string answer) =>
        Assert.False(Accepts(Question(QuestionTypes.Url), answer));

    // ---- phone_number ----

    [Theory]
    [InlineData("\"+372 5123 4567\"")]
    [InlineData("\"(555) 123-4567\"")]
    [InlineData("\"+1.555.123.4567\"")]
    [InlineData("\"12345\"")] // 5 digits, the minimum
    [InlineData("\"12345678901234567890\"")] // 20 digits, the maximum
    [InlineData("\"+(1) 2-3.4 5\"")] // 5 digits among all the allowed characters
    public void Phone_number_accepts_5_to_20_digits_with_spaces_and_plus_minus_parentheses_dots(string answer) =>
        Assert.True(Accepts(Question(QuestionTypes.PhoneNumber), answer));

    [Theory]
    [InlineData("\"1234\"")] // 4 digits
    [InlineData("\"123456789012345678901\"")] // 21 digits
    [InlineData("\"555-CALL-NOW\"")]
    [InlineData("\"+372 5123 4567 ext 5\"")]
    [InlineData("\"#12345\"")]
    [InlineData("\"12345/678\"")]
    [InlineData("\"+()- .\"")]
    [InlineData("\"\"")]
    [InlineData("5551234567")]
    public void Phone_number_rejects_too_few_or_many_digits_and_other_characters(string answer) =>
        Assert.False(Accepts(Question(QuestionTypes.PhoneNumber), answer));

    // ---- country ----

    [Theory]
    [InlineData("\"EE\"", "EE")]
    [InlineData("\"ee\"", "EE")]
    [InlineData("\"eE\"", "EE")]
    [InlineData("\"us\"", "US")]
    [InlineData("\"GB\"", "GB")]
    public void Country_accepts_iso_alpha_2_codes_in_any_case_and_stores_them_upper_case(string answer, string stored)
    {
        var normalised = AnswerValidation.Normalise(Question(QuestionTypes.Country), Json(answer));
        Assert.Equal(JsonSerializer.Serialize(stored), normalised);
    }

    [Theory]
    [InlineData("\"XX\"")]
    [InlineData("\"UK\"")] // the United Kingdom is GB
    [InlineData("\"EST\"")] // alpha-3
    [InlineData("\"E\"")]
    [InlineData("\"Estonia\"")]
    [InlineData("\" EE\"")]
    [InlineData("\"\"")]
    [InlineData("372")]
    [InlineData("[\"EE\"]")]
    public void Country_rejects_anything_but_an_assigned_alpha_2_code(string answer) =>
        Assert.False(Accepts(Question(QuestionTypes.Country), answer));

    // ---- likert ----

    private static QuestionView Likert(int scale, bool allowNa = false) =>
        Question(QuestionTypes.Likert, q => q with { LikertScaleLength = scale, LikertAllowNa = allowNa });

    [Theory]
    [InlineData(5, "0", true)]
    [InlineData(5, "4", true)]
    [InlineData(5, "5", false)]
    [InlineData(5, "-1", false)]
    [InlineData(3, "2", true)]
    [InlineData(3, "3", false)]
    [InlineData(7, "6", true)]
    [InlineData(7, "7", false)]
    public void Likert_accepts_points_0_to_scale_length_minus_1(int scale, string answer, bool valid) =>
        Assert.Equal(valid, Accepts(Likert(scale), answer));

    [Theory]
    [InlineData("2.5")]
    [InlineData("\"2\"")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("\"agree\"")]
    [InlineData("[2]")]
    public void Likert_rejects_fractions_strings_and_booleans(string answer) =>
        Assert.False(Accepts(Likert(5, allowNa: true), answer));

    [Fact]
    public void Likert_accepts_na_only_when_the_question_allows_it()
    {
        Assert.True(Accepts(Likert(5, allowNa: true), "\"na\""));
        Assert.False(Accepts(Likert(5, allowNa: false), "\"na\""));
        Assert.False(Accepts(Likert(5, allowNa: true), "\"n/a\""));
    }

    // ---- rich_text ----

    private static QuestionView RichText(int? limit) => Question(QuestionTypes.RichText, q => q with { RichTextCharLimit = limit });

    [Fact]
    public void Rich_text_limit_is_inclusive()
    {
        Assert.True(Accepts(RichText(5), "\"hello\""));
        Assert.False(Accepts(RichText(5), "\"hello!\""));
    }

    [Fact]
    public void Rich_text_limit_counts_unicode_code_points_not_utf16_units()
    {
        const string fiveEmoji = "😀🚀🎉👍🌍"; // 5 code points, 10 UTF-16 units
        Assert.Equal(10, fiveEmoji.Length);
        Assert.True(Accepts(RichText(5), JsonSerializer.Serialize(fiveEmoji)));
        Assert.False(Accepts(RichText(5), JsonSerializer.Serialize(fiveEmoji + "🔥")));
    }

    [Fact]
    public void Rich_text_markup_counts_towards_the_limit()
    {
        const string html = "<p>𝔸😀</p>"; // 3 + 2 + 4 = 9 code points
        Assert.True(Accepts(RichText(9), JsonSerializer.Serialize(html)));
        Assert.False(Accepts(RichText(8), JsonSerializer.Serialize(html)));
    }

    [Fact]
    public void Rich_text_without_a_limit_accepts_any_string_but_nothing_else()
    {
        Assert.True(Accepts(RichText(null), JsonSerializer.Serialize(new string('x', 100_000))));
        Assert.True(Accepts(RichText(null), "\"\""));
        Assert.False(Accepts(RichText(null), "42"));
        Assert.False(Accepts(RichText(null), "{\"html\": \"<p>x</p>\"}"));
    }

    // ---- the error message names the value, the question and the type ----

    [Theory]
    [InlineData(QuestionTypes.Date, "\"2023-02-29\"", "2023-02-29")]
    [InlineData(QuestionTypes.DateTime, "\"15/01/2024 10:30\"", "15/01/2024 10:30")]
    [InlineData(QuestionTypes.Year, "2024.5", "2024.5")]
    [InlineData(QuestionTypes.Email, "[\"a\", \"b\"]", "['a', 'b']")]
    [InlineData(QuestionTypes.Likert, "true", "True")]
    [InlineData(QuestionTypes.Country, "\"XX\"", "XX")]
    public void An_invalid_answer_is_reported_with_the_python_rendering_of_the_value(string type, string answer, string printed)
    {
        var question = Question(type, q => q with { LikertScaleLength = type == QuestionTypes.Likert ? 5 : null },
            "When did your organisation last complete an external security audit of its systems?");

        var outcome = SubmissionValidation.Validate(
            [question], [new SubmittedAnswer(question.Id, answer, null)], new HashSet<Guid>(), _ => "application/octet-stream");

        Assert.Null(outcome.Accepted);
        var error = Assert.Single(outcome.Errors!);
        Assert.Equal(
            [$"Answer value '{printed}' is not valid for the question 'When did your organisation last complete an extern...' (type: {type})."],
            error["non_field_errors"]);
    }
}

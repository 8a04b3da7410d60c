using ComplianceGrains.Checklists;
using ComplianceGrains.Domain;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Domain;

public sealed class RichTextSanitiserTests
{
    /// <summary>The HTML stored for the answer, or null when it is refused.</summary>
    private static string? Stored(string level, string html, int? limit = null)
    {
        var question = TestQuestions.Make(QuestionTypes.RichText);
        question = question with { Definition = question.Definition with { RichTextToolbarLevel = level, RichTextCharLimit = limit } };
        var stored = AnswerValidation.Normalise(question, TestQuestions.Json(System.Text.Json.JsonSerializer.Serialize(html)));
        return stored is null ? null : TestQuestions.Json(stored).GetString();
    }

    [Fact]
    public void Scripts_event_handlers_and_script_links_are_removed_whatever_the_level()
    {
        var stored = Stored("standard", "<p onclick=\"steal()\">Hi<script>alert(1)</script> <a href=\"javascript:steal()\">x</a> <a href=\"https://example.com/\">ok</a></p>");
        Assert.DoesNotContain("onclick", stored);
        Assert.DoesNotContain("<script", stored);
        Assert.DoesNotContain("javascript:", stored);
        Assert.Contains("<a href=\"https://example.com/\">ok</a>", stored);
    }

    [Fact]
    public void Each_level_keeps_its_own_elements_and_the_text_of_the_others()
    {
        var lowest = RichTextToolbarLevels.All[0];
        var highest = RichTextToolbarLevels.All[^1];
        Assert.Equal("<b>a</b>item", Stored(lowest, "<b>a</b><ul><li>item</li></ul>"));
        Assert.Equal("<b>a</b><ul><li>item</li></ul>", Stored("standard", "<b>a</b><ul><li>item</li></ul>"));
        Assert.Equal("item", Stored("standard", "<blockquote>item</blockquote>"));
        Assert.Equal("<blockquote>item</blockquote>", Stored(highest, "<blockquote>item</blockquote>"));
    }

    [Fact]
    public void Text_without_markup_is_stored_as_it_came_and_the_limit_counts_the_stored_html()
    {
        Assert.Equal("plain & simple", Stored("standard", "plain & simple"));
        Assert.NotNull(Stored("standard", "<p onclick=\"x()\">12345</p>", limit: 12));
        Assert.Null(Stored("standard", "<p>1234567890</p>", limit: 12));
    }
}

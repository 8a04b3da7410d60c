using ComplianceGrains.Checklists;
using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using ComplianceGrains.Marketplace;

namespace ComplianceGrains.Tests.Domain;

public sealed class TextRulesTests
{
    [Fact]
    public void A_text_is_valid_unicode_without_nul()
    {
        // Unpaired surrogates are built at run time: test data with them does not survive test discovery intact.
        var high = ((char)0xD800).ToString();
        var low = ((char)0xDC00).ToString();
        Assert.Null(TextRules.Problem("plain text"));
        Assert.Null(TextRules.Problem("emoji \U0001F600 pair"));
        Assert.Equal(TextRules.NullCharacter, TextRules.Problem("a\0b"));
        Assert.Equal(TextRules.InvalidUnicode, TextRules.Problem($"lone {high} high"));
        Assert.Equal(TextRules.InvalidUnicode, TextRules.Problem($"lone {low} low"));
        Assert.Equal(TextRules.InvalidUnicode, TextRules.Problem(low + high));
        Assert.Equal(TextRules.InvalidUnicode, TextRules.Problem("trailing " + high));
        Assert.Equal(TextRules.InvalidUnicode, TextRules.JsonProblem($"\"{high}\""));
    }

    [Theory]
    [InlineData("\"fine\"", null)]
    [InlineData("""{"a": ["b", {"c": 1}]}""", null)]
    [InlineData("\"\\ud83d\\ude00\"", null)]
    [InlineData("\"\\ud800\"", TextRules.InvalidUnicode)]
    [InlineData("""{"nested": [{"deep": "\udc00"}]}""", TextRules.InvalidUnicode)]
    [InlineData("""{"\ud800": 1}""", TextRules.InvalidUnicode)]
    [InlineData("""["a\u0000b"]""", TextRules.NullCharacter)]
    [InlineData("""{"a\u0000": true}""", TextRules.NullCharacter)]
    public void Every_string_of_a_json_value_keys_included_keeps_the_rule(string json, string? problem) =>
        Assert.Equal(problem, TextRules.JsonProblem(json));

    [Fact]
    public void Repair_replaces_only_the_bad_characters_and_keeps_valid_text_as_it_is()
    {
        const string valid = "ok \U0001F600";
        Assert.Same(valid, TextRules.Repair(valid));
        Assert.Equal("a\uFFFDb\uFFFDc \U0001F600", TextRules.Repair("a\0b\ud800c \U0001F600"));
        Assert.Null(TextRules.Problem(TextRules.Repair("x\udc00")));
    }

    [Fact]
    public void A_json_value_that_breaks_the_rule_is_repaired_into_the_marked_placeholder()
    {
        Assert.Equal("[1, \"a\"]", TextRules.RepairJson("[1, \"a\"]"));
        Assert.Equal(TextRules.PlaceholderJson, TextRules.RepairJson("[\"\\ud800\"]"));
        Assert.Null(TextRules.JsonProblem(TextRules.PlaceholderJson));
    }

    [Fact]
    public void Errors_name_every_field_that_breaks_the_rule()
    {
        var errors = TextRules.Errors(("name", "ok"), ("description", "a\0"), ("label", "\ud800"));
        Assert.Equal([TextRules.NullCharacter], errors["description"]);
        Assert.Equal([TextRules.InvalidUnicode], errors["label"]);
        Assert.False(errors.ContainsKey("name"));
    }

    [Fact]
    public void A_field_named_twice_lists_each_of_its_problems_once_in_the_order_found()
    {
        var errors = TextRules.Errors(("name", "\ud800"), ("label", "ok"), ("name", "a\0"), ("name", "\udc00"));
        Assert.Equal(["name"], errors.Keys);
        Assert.Equal([TextRules.InvalidUnicode, TextRules.NullCharacter], errors["name"]);
    }

    [Fact]
    public void A_submission_item_with_bad_text_is_refused_with_an_answer_data_error()
    {
        var question = new QuestionView(Guid.NewGuid(), Guid.NewGuid(), "c", ChecklistTypes.OfferingCompliance,
            new QuestionDefinition { Description = "Name", QuestionType = QuestionTypes.TextInput }, [], DateTime.UtcNow);
        var outcome = SubmissionValidation.Validate([question], [new SubmittedAnswer(question.Id, "\"\\ud800\"", null)], new HashSet<Guid>(), _ => "");

        Assert.Null(outcome.Accepted);
        Assert.Equal([TextRules.InvalidUnicode], outcome.Errors![0]["answer_data"]);
    }

    [Fact]
    public void A_question_with_a_bad_review_value_or_description_is_refused_before_any_other_rule()
    {
        var errors = QuestionDefinitionRules.Validate(new QuestionDefinition
        {
            Description = "a\0b", QuestionType = QuestionTypes.TextInput, Operator = "equals", ReviewAnswerValueJson = "\"\\ud800\"",
        });
        Assert.Equal([TextRules.NullCharacter], errors["description"]);
        Assert.Equal([TextRules.InvalidUnicode], errors["review_answer_value"]);
    }

    [Fact]
    public void Repairing_an_offering_user_state_marks_bad_answers_and_history_and_keeps_good_ones()
    {
        var good = Guid.NewGuid();
        var bad = Guid.NewGuid();
        var state = new OfferingUserState
        {
            Exists = true,
            UserFullName = "Jo\0hn",
            Completions =
            [
                new CompletionState
                {
                    Answers = new()
                    {
                        [good] = new AnswerState { AnswerJson = "\"fine\"" },
                        [bad] = new AnswerState { AnswerJson = "\"\\ud800\"" },
                    },
                },
            ],
            UnappendedHistory = [new HistoryEntry(Guid.NewGuid(), Guid.NewGuid(), bad, "Q", "\"\\udc00\"", Guid.NewGuid(), "User", DateTime.UtcNow, 1)],
        };

        Assert.Equal(3, OfferingUserTextRepair.Repair(state));

        Assert.Equal("Jo\uFFFDhn", state.UserFullName);
        Assert.Equal("\"fine\"", state.Completions[0].Answers[good].AnswerJson);
        Assert.Equal(TextRules.PlaceholderJson, state.Completions[0].Answers[bad].AnswerJson);
        Assert.Equal(TextRules.PlaceholderJson, state.UnappendedHistory[0].AnswerJson);
        Assert.Equal(0, OfferingUserTextRepair.Repair(state));
    }

    [Theory]
    [InlineData(null, 1_000_000, false)]
    [InlineData(60, 60, false)]
    [InlineData(60, 61, true)]
    [InlineData(0, 1_000_000, false)]
    public void A_token_expires_after_its_lifetime_without_a_request(int? lifetime, int idleSeconds, bool expired)
    {
        var lastUsed = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(expired, TokenExpiry.HasExpired(lifetime, lastUsed, lastUsed.AddSeconds(idleSeconds)));
    }
}

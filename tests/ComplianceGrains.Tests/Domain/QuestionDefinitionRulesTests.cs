using ComplianceGrains.Checklists;
using static ComplianceGrains.Tests.Domain.QuestionDefinitionAssert;

namespace ComplianceGrains.Tests.Domain;

/// <summary>API.md §2 "Admin validation": one test per rule and edge (operators per type are in OperatorSuitabilityTests).</summary>
public sealed class QuestionDefinitionRulesTests
{
    public static TheoryData<string> AllQuestionTypes => new()
    {
        "text_input", "text_area", "boolean", "number", "single_select", "multi_select", "date", "datetime", "year",
        "rating", "email", "phone_number", "url", "country", "likert", "rich_text", "file", "multiple_files",
    };

    [Theory]
    [MemberData(nameof(AllQuestionTypes))]
    public void A_plain_question_of_every_documented_type_is_accepted(string questionType) =>
        Accepted(ValidOfType(questionType));

    [Fact]
    public void The_defaults_are_a_valid_boolean_question() => Accepted(new QuestionDefinition());

    // --- choices ---

    [Fact]
    public void An_unknown_question_type_is_rejected_as_an_invalid_choice()
    {
        var messages = Rejected(new QuestionDefinition { QuestionType = "checkbox" }, "question_type");
        Assert.Contains("\"checkbox\" is not a valid choice.", messages);
    }

    [Fact]
    public void Question_types_are_case_sensitive() =>
        Rejected(new QuestionDefinition { QuestionType = "Boolean" }, "question_type");

    [Theory]
    [InlineData("and")]
    [InlineData("or")]
    public void Dependency_logic_and_or_are_accepted(string logic) =>
        Accepted(new QuestionDefinition { DependencyLogicOperator = logic });

    [Fact]
    public void An_unknown_dependency_logic_operator_is_rejected_as_an_invalid_choice()
    {
        var messages = Rejected(new QuestionDefinition { DependencyLogicOperator = "xor" }, "dependency_logic_operator");
        Assert.Contains("\"xor\" is not a valid choice.", messages);
    }

    [Theory]
    [InlineData("minimal")]
    [InlineData("standard")]
    [InlineData("extended")]
    public void Rich_text_toolbar_levels_are_accepted_for_rich_text(string level) =>
        Accepted(new QuestionDefinition { QuestionType = "rich_text", RichTextToolbarLevel = level });

    [Fact]
    public void An_unknown_toolbar_level_is_rejected_as_an_invalid_choice()
    {
        var messages = Rejected(new QuestionDefinition { QuestionType = "rich_text", RichTextToolbarLevel = "extreme" }, "rich_text_toolbar_level");
        Assert.Contains("\"extreme\" is not a valid choice.", messages);
    }

    // --- min / max ---

    [Theory]
    [InlineData("number")]
    [InlineData("year")]
    [InlineData("rating")]
    public void Min_and_max_are_accepted_for_range_types(string questionType) =>
        Accepted(new QuestionDefinition { QuestionType = questionType, MinValue = 1, MaxValue = 10 });

    [Theory]
    [InlineData("text_input")]
    [InlineData("boolean")]
    [InlineData("date")]
    [InlineData("likert")]
    [InlineData("file")]
    public void Min_value_is_rejected_for_other_types(string questionType) =>
        Rejected(ValidOfType(questionType) with { MinValue = 1 }, NonFieldErrors);

    [Fact]
    public void Max_value_alone_is_rejected_for_a_text_question() =>
        Rejected(new QuestionDefinition { QuestionType = "text_input", MaxValue = 5 }, NonFieldErrors);

    [Fact]
    public void Only_a_minimum_is_accepted() =>
        Accepted(new QuestionDefinition { QuestionType = "number", MinValue = 3 });

    [Fact]
    public void Only_a_maximum_is_accepted() =>
        Accepted(new QuestionDefinition { QuestionType = "number", MaxValue = 3 });

    [Fact]
    public void Min_equal_to_max_is_accepted() =>
        Accepted(new QuestionDefinition { QuestionType = "number", MinValue = 7.5m, MaxValue = 7.5m });

    [Fact]
    public void Min_greater_than_max_is_rejected() =>
        Rejected(new QuestionDefinition { QuestionType = "number", MinValue = 10.0001m, MaxValue = 10 }, NonFieldErrors);

    [Fact]
    public void Negative_ranges_in_order_are_accepted() =>
        Accepted(new QuestionDefinition { QuestionType = "rating", MinValue = -5, MaxValue = -1 });

    // --- likert ---

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void Likert_scale_lengths_3_5_7_are_accepted(int length) =>
        Accepted(new QuestionDefinition { QuestionType = "likert", LikertScaleLength = length });

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(-5)]
    public void Other_likert_scale_lengths_are_rejected(int length) =>
        Rejected(new QuestionDefinition { QuestionType = "likert", LikertScaleLength = length }, "likert_scale_length");

    [Fact]
    public void A_likert_question_requires_a_scale_length() =>
        Rejected(new QuestionDefinition { QuestionType = "likert" }, "likert_scale_length");

    [Fact]
    public void A_likert_question_accepts_labels_and_na() =>
        Accepted(new QuestionDefinition
        {
            QuestionType = "likert", LikertScaleLength = 7, LikertLowLabel = "Never", LikertHighLabel = "Always", LikertAllowNa = true,
        });

    [Fact]
    public void Likert_scale_length_is_rejected_for_other_types() =>
        Rejected(new QuestionDefinition { QuestionType = "rating", LikertScaleLength = 5 }, NonFieldErrors);

    [Fact]
    public void Likert_low_label_is_rejected_for_other_types() =>
        Rejected(new QuestionDefinition { QuestionType = "number", LikertLowLabel = "Low" }, NonFieldErrors);

    [Fact]
    public void Likert_high_label_is_rejected_for_other_types() =>
        Rejected(new QuestionDefinition { QuestionType = "boolean", LikertHighLabel = "High" }, NonFieldErrors);

    [Fact]
    public void Likert_allow_na_is_rejected_for_other_types() =>
        Rejected(new QuestionDefinition { QuestionType = "single_select", LikertAllowNa = true }, NonFieldErrors);

    // --- rich text ---

    [Theory]
    [InlineData(1)]
    [InlineData(10000)]
    public void A_positive_rich_text_char_limit_is_accepted(int limit) =>
        Accepted(new QuestionDefinition { QuestionType = "rich_text", RichTextCharLimit = limit });

    [Fact]
    public void A_rich_text_question_without_a_limit_is_accepted() =>
        Accepted(new QuestionDefinition { QuestionType = "rich_text" });

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_rich_text_char_limit_that_is_not_positive_is_rejected(int limit) =>
        Rejected(new QuestionDefinition { QuestionType = "rich_text", RichTextCharLimit = limit }, "rich_text_char_limit");

    [Fact]
    public void Rich_text_char_limit_is_rejected_for_other_types() =>
        Rejected(new QuestionDefinition { QuestionType = "text_area", RichTextCharLimit = 100 }, NonFieldErrors);

    [Fact]
    public void A_non_default_toolbar_level_is_rejected_for_other_types() =>
        Rejected(new QuestionDefinition { QuestionType = "text_area", RichTextToolbarLevel = "extended" }, NonFieldErrors);

    // --- files ---

    [Theory]
    [InlineData("file")]
    [InlineData("multiple_files")]
    public void File_settings_are_accepted_for_file_types(string questionType) =>
        Accepted(new QuestionDefinition
        {
            QuestionType = questionType,
            AllowedFileTypes = [".pdf", ".docx"],
            AllowedMimeTypes = ["application/pdf", "image/*"],
            MaxFileSizeMb = 5,
        });

    [Fact]
    public void Allowed_file_types_are_rejected_for_other_types() =>
        Rejected(new QuestionDefinition { QuestionType = "text_input", AllowedFileTypes = [".pdf"] }, NonFieldErrors);

    [Fact]
    public void Allowed_mime_types_are_rejected_for_other_types() =>
        Rejected(new QuestionDefinition { QuestionType = "text_input", AllowedMimeTypes = ["application/pdf"] }, NonFieldErrors);

    [Fact]
    public void Max_file_size_is_rejected_for_other_types() =>
        Rejected(new QuestionDefinition { QuestionType = "number", MaxFileSizeMb = 5 }, NonFieldErrors);

    [Fact]
    public void Max_files_count_is_accepted_for_multiple_files() =>
        Accepted(new QuestionDefinition { QuestionType = "multiple_files", MaxFilesCount = 3 });

    [Fact]
    public void Max_files_count_is_rejected_for_a_single_file_question() =>
        Rejected(new QuestionDefinition { QuestionType = "file", MaxFilesCount = 3 }, NonFieldErrors);

    [Fact]
    public void Max_files_count_is_rejected_for_non_file_types() =>
        Rejected(new QuestionDefinition { QuestionType = "multi_select", MaxFilesCount = 3 }, NonFieldErrors);

    [Theory]
    [InlineData("pdf")]
    [InlineData("*.pdf")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData(". pdf")]
    [InlineData("application/pdf")]
    public void A_file_type_that_does_not_look_like_an_extension_is_rejected(string fileType) =>
        Rejected(new QuestionDefinition { QuestionType = "file", AllowedFileTypes = [fileType] }, "allowed_file_types");

    [Theory]
    [InlineData(".pdf")]
    [InlineData(".PNG")]
    [InlineData(".mp4")]
    public void File_types_that_look_like_extensions_are_accepted(string fileType) =>
        Accepted(new QuestionDefinition { QuestionType = "file", AllowedFileTypes = [fileType] });

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("image/*")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("image/svg+xml")]
    public void Mime_types_of_the_form_type_subtype_or_type_star_are_accepted(string mimeType) =>
        Accepted(new QuestionDefinition { QuestionType = "multiple_files", AllowedMimeTypes = [mimeType] });

    [Theory]
    [InlineData("pdf")]
    [InlineData("application")]
    [InlineData("application/")]
    [InlineData("/pdf")]
    [InlineData("image/png/x")]
    [InlineData(".pdf")]
    [InlineData("")]
    public void Malformed_mime_types_are_rejected(string mimeType) =>
        Rejected(new QuestionDefinition { QuestionType = "file", AllowedMimeTypes = [mimeType] }, "allowed_mime_types");

    [Fact]
    public void One_bad_entry_among_good_ones_is_rejected() =>
        Rejected(new QuestionDefinition { QuestionType = "file", AllowedFileTypes = [".pdf", "doc"] }, "allowed_file_types");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_max_file_size_that_is_not_positive_is_rejected(int size) =>
        Rejected(new QuestionDefinition { QuestionType = "file", MaxFileSizeMb = size }, "max_file_size_mb");

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_max_files_count_that_is_not_positive_is_rejected(int count) =>
        Rejected(new QuestionDefinition { QuestionType = "multiple_files", MaxFilesCount = count }, "max_files_count");

    // --- review operator / value pair ---

    [Fact]
    public void Review_operator_and_value_together_are_accepted() =>
        Accepted(new QuestionDefinition { QuestionType = "boolean", Operator = "equals", ReviewAnswerValueJson = "true" });

    [Fact]
    public void Review_operator_without_a_value_is_rejected() =>
        Rejected(new QuestionDefinition { QuestionType = "boolean", Operator = "equals" }, NonFieldErrors);

    [Fact]
    public void Review_value_without_an_operator_is_rejected() =>
        Rejected(new QuestionDefinition { QuestionType = "boolean", ReviewAnswerValueJson = "false" }, NonFieldErrors);

    [Theory]
    [InlineData("boolean", "equals", "false")]
    [InlineData("number", "equals", "0")]
    [InlineData("text_input", "contains", "\"\"")]
    public void A_falsy_review_value_still_counts_as_set(string questionType, string op, string valueJson) =>
        Accepted(new QuestionDefinition { QuestionType = questionType, Operator = op, ReviewAnswerValueJson = valueJson });

    [Fact]
    public void An_unknown_review_operator_is_rejected_as_an_invalid_choice()
    {
        var messages = Rejected(new QuestionDefinition { QuestionType = "text_input", Operator = "like", ReviewAnswerValueJson = "\"x\"" }, "operator");
        Assert.Contains("\"like\" is not a valid choice.", messages);
    }

    // --- guidance operator / value pair ---

    [Fact]
    public void Guidance_pair_is_accepted_when_guidance_is_conditional() =>
        Accepted(new QuestionDefinition
        {
            QuestionType = "boolean", AlwaysShowGuidance = false, GuidanceOperator = "equals", GuidanceAnswerValueJson = "false",
        });

    [Fact]
    public void Conditional_guidance_without_a_pair_is_rejected()
    {
        var messages = Rejected(new QuestionDefinition { QuestionType = "boolean", AlwaysShowGuidance = false }, NonFieldErrors);
        Assert.Contains("guidance_operator and guidance_answer_value are required when always_show_guidance is false.", messages);
    }

    [Fact]
    public void Guidance_operator_without_a_value_is_rejected_when_guidance_is_conditional() =>
        Rejected(new QuestionDefinition { QuestionType = "boolean", AlwaysShowGuidance = false, GuidanceOperator = "equals" }, NonFieldErrors);

    [Fact]
    public void Guidance_value_without_an_operator_is_rejected_when_guidance_is_conditional() =>
        Rejected(new QuestionDefinition { QuestionType = "boolean", AlwaysShowGuidance = false, GuidanceAnswerValueJson = "true" }, NonFieldErrors);

    [Fact]
    public void An_unknown_guidance_operator_is_rejected_when_guidance_is_conditional() =>
        Rejected(new QuestionDefinition
        {
            QuestionType = "boolean", AlwaysShowGuidance = false, GuidanceOperator = "like", GuidanceAnswerValueJson = "true",
        }, "guidance_operator");

    [Fact]
    public void An_incomplete_guidance_pair_is_not_checked_when_guidance_is_always_shown() =>
        Accepted(new QuestionDefinition { QuestionType = "boolean", AlwaysShowGuidance = true, GuidanceOperator = "equals" });

    [Fact]
    public void An_unsuitable_guidance_operator_is_not_checked_when_guidance_is_always_shown() =>
        Accepted(new QuestionDefinition
        {
            QuestionType = "boolean", AlwaysShowGuidance = true, GuidanceOperator = "contains", GuidanceAnswerValueJson = "\"x\"",
        });

    [Fact]
    public void Review_and_guidance_pairs_are_checked_independently() =>
        Rejected(new QuestionDefinition
        {
            QuestionType = "boolean", Operator = "equals", ReviewAnswerValueJson = "true",
            AlwaysShowGuidance = false, GuidanceOperator = "contains", GuidanceAnswerValueJson = "\"x\"",
        }, "guidance_operator");

    // --- several errors at once ---

    [Fact]
    public void Errors_of_several_rules_are_reported_together()
    {
        var errors = ComplianceGrains.Domain.QuestionDefinitionRules.Validate(new QuestionDefinition
        {
            QuestionType = "rich_text", RichTextCharLimit = 0, Operator = "equals",
        });
        Assert.True(errors.ContainsKey("rich_text_char_limit"));
        Assert.True(errors.ContainsKey(NonFieldErrors));
    }
}

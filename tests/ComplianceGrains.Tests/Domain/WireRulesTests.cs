using ComplianceGrains.Domain;

namespace ComplianceGrains.Tests.Domain;

/// <summary>The small rules behind API.md §9: role expiry, names, toolbar levels, checklist types.</summary>
public sealed class WireRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_role_counts_without_an_expiration_and_until_the_expiration_passes()
    {
        Assert.True(RoleExpiry.Counts(null, Now));
        Assert.True(RoleExpiry.Counts(Now.UtcDateTime.AddSeconds(1), Now));
        Assert.False(RoleExpiry.Counts(Now.UtcDateTime, Now));
        Assert.False(RoleExpiry.Counts(Now.UtcDateTime.AddDays(-1), Now));
    }

    [Theory]
    [InlineData(null, "Ada", "Lovelace", "Ada Lovelace")]
    [InlineData("", "Ada", "", "Ada")]
    [InlineData(null, "", "Lovelace", "Lovelace")]
    [InlineData("Countess of Lovelace", "Ada", "Lovelace", "Countess of Lovelace")]
    [InlineData(null, "", "", "")]
    public void The_full_name_is_the_given_one_or_the_first_and_last_names(string? fullName, string first, string last, string expected) =>
        Assert.Equal(expected, PersonNames.FullName(fullName, first, last));

    [Theory]
    [InlineData("basic", "minimal")]
    [InlineData("full", "extended")]
    [InlineData("minimal", "minimal")]
    [InlineData("standard", "standard")]
    [InlineData("extended", "extended")]
    public void Old_toolbar_names_read_as_waldurs(string stored, string current) =>
        Assert.Equal(current, RichTextToolbarLevels.Current(stored));

    [Theory]
    [InlineData("onboarding_customer", true)]
    [InlineData("onboarding_intent", true)]
    [InlineData("offering_compliance", false)]
    [InlineData("workflow_step", false)]
    public void Only_the_onboarding_types_allow_one_checklist(string type, bool onlyOne) =>
        Assert.Equal(onlyOne, ChecklistTypeRules.AllowsOnlyOne(type));
}

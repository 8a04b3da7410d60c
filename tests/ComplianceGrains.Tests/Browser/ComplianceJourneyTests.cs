using System.Net;
using ComplianceGrains.Tests.Support;
using Microsoft.Playwright;

namespace ComplianceGrains.Tests.Browser;

/// <summary>A user fills their checklist in the browser and the provider follows it on their pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComplianceJourneyTests(BrowserApp app)
{
    private async Task<(OfferingUserWorld World, string Conditional)> CreateWorldAsync()
    {
        var world = await app.World.CreateOfferingUserWorldAsync(
            new { description = "Do you process personal data?", question_type = "boolean", required = true, order = 1 },
            new { description = "Contact e-mail of your data officer", question_type = "email", required = true, order = 3,
                  user_guidance = "The person who answers data protection questions." },
            new { description = "Accept the terms", question_type = "boolean", required = true, order = 4,
                  @operator = "equals", review_answer_value = false });
        var conditional = await app.World.CreateQuestionAsync(world.Checklist,
            new { description = "Which country stores the data?", question_type = "country", required = true, order = 2 });
        (await app.World.Admin.PostAsync("/api/checklists-admin-question-dependencies/", new
        {
            question = conditional, depends_on_question = world.Questions[0], required_answer_value = true, @operator = "equals",
        })).Expect(HttpStatusCode.Created);
        return (world, conditional);
    }

    [Fact]
    public async Task A_user_answers_a_conditional_question_corrects_a_refused_answer_and_completes_the_checklist()
    {
        var (world, conditional) = await CreateWorldAsync();
        var page = await app.SignInAsync(world.User);
        await page.GotoAsync("/compliance/");
        var row = page.Locator("tbody tr");
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("pending");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/compliance/{world.OfferingUser}/");

        var country = page.Locator($"#q{conditional}");
        await Assertions.Expect(country).ToBeHiddenAsync();
        await page.Locator($"#q{world.Questions[0]}").GetByLabel("Yes").CheckAsync();
        await Assertions.Expect(country).ToBeVisibleAsync();
        await page.GetByLabel("Which country stores the data?").SelectOptionAsync("EE");
        await page.GetByLabel("Contact e-mail of your data officer").FillAsync("not an e-mail");
        await page.Locator($"#q{world.Questions[2]}").GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();

        await Assertions.Expect(page.Locator("#rejected")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#q{world.Questions[1]} .field-errors")).ToContainTextAsync(
            "Answer value 'not an e-mail' is not valid for the question 'Contact e-mail of your data officer' (type: email).");
        await Assertions.Expect(page.Locator($"#q{world.Questions[1]}-input")).ToHaveValueAsync("not an e-mail");
        // All or nothing: the valid answers of the refused save were not stored either.
        var stored = (await world.User.Client.GetAsync(world.Path("completion_status"))).Expect(HttpStatusCode.OK);
        Assert.Equal(0.0, stored.Json!["completion_percentage"]!.GetValue<double>());

        await page.GetByLabel("Contact e-mail of your data officer").FillAsync("officer@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#completion .badge")).ToHaveTextAsync("completed");
        await Assertions.Expect(page.Locator("#completion .percent")).ToHaveTextAsync("100 %");
        await Assertions.Expect(page.Locator($"#q{conditional} select")).ToHaveValueAsync("EE");
        await BrowserApp.ScreenshotAsync(page, "form-completed");

        var status = (await world.User.Client.GetAsync(world.Path("completion_status"))).Expect(HttpStatusCode.OK);
        Assert.Equal("true", status["is_completed"].ToLowerInvariant());
    }

    [Fact]
    public async Task The_server_hides_a_conditional_question_again_when_its_condition_no_longer_holds()
    {
        var (world, conditional) = await CreateWorldAsync();
        await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], true), (conditional, "EE"));
        var page = await app.SignInAsync(world.User);
        await page.GotoAsync($"/compliance/{world.OfferingUser}/");
        await Assertions.Expect(page.Locator($"#q{conditional}")).ToBeVisibleAsync();
        await page.Locator($"#q{world.Questions[0]}").GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(page.Locator($"#q{conditional}")).ToBeHiddenAsync();
        await page.GetByLabel("Contact e-mail of your data officer").FillAsync("officer@example.com");
        await page.Locator($"#q{world.Questions[2]}").GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();
        // Rendered by the server after the save: the question stays hidden and no longer blocks completion.
        await Assertions.Expect(page.Locator($"#q{conditional}")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#completion .badge")).ToHaveTextAsync("completed");
        await BrowserApp.ScreenshotAsync(page, "form-conditional-hidden-after-save");
    }

    [Fact]
    public async Task The_provider_sees_the_completion_filters_exports_and_reviews_a_flagged_answer()
    {
        var (world, conditional) = await CreateWorldAsync();
        var other = await app.World.CreateUserAsync(fullName: ApiWorld.Unique("Ringo Other"));
        await app.World.CreateOfferingUserAsync(world.Provider.Offering, other);
        var provider = await app.SignInAsync(world.Provider.Owner);
        Assert.EndsWith($"/providers/{world.Provider.Provider}/", provider.Url);
        await Assertions.Expect(provider.Locator("#total-users")).ToHaveTextAsync("2");
        await Assertions.Expect(provider.Locator("#completed-users")).ToHaveTextAsync("0");

        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser,
            (world.Questions[0], true), (conditional, "FI"), (world.Questions[1], "officer@example.com"), (world.Questions[2], false)))
            .Expect(HttpStatusCode.OK);
        await provider.ReloadAsync();
        await Assertions.Expect(provider.Locator("#completed-users")).ToHaveTextAsync("1");
        await Assertions.Expect(provider.Locator("#overall-rate")).ToHaveTextAsync("50 %");
        await Assertions.Expect(provider.Locator("#offerings tbody tr")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(provider, "provider-dashboard");

        await provider.GetByRole(AriaRole.Link, new() { Name = "All offering users" }).ClickAsync();
        await Assertions.Expect(provider.Locator("#users tbody tr")).ToHaveCountAsync(2);
        await provider.GetByLabel("Status").SelectOptionAsync("completed");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(provider.Locator("#users tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(provider.Locator("#users tbody tr").First).ToContainTextAsync(world.User.Username);
        await provider.GetByLabel("Status").SelectOptionAsync("");
        await provider.GetByLabel("Name or e-mail").FillAsync("ringo other");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(provider.Locator("#users tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(provider.Locator("#users tbody tr").First).ToContainTextAsync("Ringo Other");

        await provider.GetByLabel("Name or e-mail").FillAsync("");
        await provider.GetByLabel("Status").SelectOptionAsync("completed");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        var download = await provider.RunAndWaitForDownloadAsync(() => provider.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("uuid,user_full_name,user_email", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains(world.OfferingUser, lines[1]);
        Assert.Contains("completed", lines[1]);

        await provider.Locator("#users tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        var flagged = provider.Locator($"#answers tr[data-question='{world.Questions[2]}']");
        await Assertions.Expect(flagged).ToHaveClassAsync("flagged");
        await Assertions.Expect(flagged).ToContainTextAsync("answer equals false");
        await Assertions.Expect(provider.Locator($"#answers tr[data-question='{world.Questions[0]}']")).Not.ToHaveClassAsync("flagged");
        await Assertions.Expect(provider.Locator("#history tbody tr")).ToHaveCountAsync(4);
        await provider.GetByLabel("Review notes").FillAsync("Terms refusal discussed by phone.");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Mark reviewed" }).ClickAsync();
        await Assertions.Expect(provider.Locator("#review-state")).ToContainTextAsync("Terms refusal discussed by phone.");
        await BrowserApp.ScreenshotAsync(provider, "provider-review");

        var review = (await world.Provider.Owner.Client.GetAsync(world.Path("completion_review_status"))).Expect(HttpStatusCode.OK);
        Assert.Equal("Terms refusal discussed by phone.", review["review_notes"]);
    }

    [Fact]
    public async Task A_user_cannot_open_the_checklist_of_another_user()
    {
        var (world, _) = await CreateWorldAsync();
        var stranger = await app.World.CreateUserAsync();
        var page = await app.SignInAsync(stranger);
        var response = await page.GotoAsync($"/compliance/{world.OfferingUser}/");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "form-of-another-user-not-found");
    }
}

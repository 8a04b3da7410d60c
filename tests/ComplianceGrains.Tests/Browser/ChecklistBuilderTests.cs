using System.Net;
using ComplianceGrains.Tests.Support;
using Microsoft.Playwright;

namespace ComplianceGrains.Tests.Browser;

/// <summary>Staff build a checklist in the builder, try it in the preview, and see what a change does before saving it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChecklistBuilderTests(BrowserApp app)
{
    private const string PersonalData = "Do you process personal data?";
    private const string Region = "Hosting region";
    private const string Processor = "Name of your EU data processor";
    private const string Contact = "Security contact e-mail";
    private const string Guidance = "Describe your lawful basis in the notes.";

    [Fact]
    public async Task Staff_build_a_checklist_of_every_type_try_its_logic_in_the_preview_and_a_user_completes_it_once_attached()
    {
        var staff = await app.World.CreateUserAsync(staff: true);
        var provider = await app.World.CreateProviderWorldAsync();
        var vendorName = ApiWorld.Unique("Vera Vendor");
        var member = await app.World.CreateUserAsync(fullName: vendorName);
        var offeringUser = await app.World.CreateOfferingUserAsync(provider.Offering, member);

        var page = await app.SignInAsync(staff);
        Assert.EndsWith("/admin/checklists/", page.Url);
        var name = ApiWorld.Unique("Vendor security");
        var create = page.Locator("#new-checklist");
        await create.GetByLabel("Name").FillAsync(name);
        await create.GetByLabel("Description").FillAsync("Answer once a year; your provider reviews flagged answers.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create checklist" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/checklists/*/");
        var checklistPath = new Uri(page.Url).AbsolutePath;
        var checklist = checklistPath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];

        await AddQuestionAsync(page, PersonalData, "boolean", required: true);
        await AddQuestionAsync(page, Region, "single_select", required: true);
        await AddQuestionAsync(page, Processor, "text_input", required: true);
        await AddQuestionAsync(page, "Data protection notes", "text_area");
        await AddQuestionAsync(page, "Security policy summary", "rich_text", extra: async form =>
        {
            await form.GetByLabel("Character limit").FillAsync("500");
            await form.GetByLabel("Toolbar").SelectOptionAsync("minimal");
        });
        await AddQuestionAsync(page, "Number of employees", "number", extra: Range("1", "100000"));
        await AddQuestionAsync(page, "Certifications held", "multi_select");
        await AddQuestionAsync(page, "Last audit date", "date");
        await AddQuestionAsync(page, "Next audit starts", "datetime");
        await AddQuestionAsync(page, "Year founded", "year", extra: Range("1900", "2100"));
        await AddQuestionAsync(page, "Rate your incident response", "rating", extra: Range("1", "5"));
        await AddQuestionAsync(page, Contact, "email", required: true);
        await AddQuestionAsync(page, "Security contact phone", "phone_number");
        await AddQuestionAsync(page, "Trust centre URL", "url");
        await AddQuestionAsync(page, "Country of incorporation", "country");

        // The likert scale is refused without its length, with the API's message next to the field.
        var add = page.Locator("#add-question");
        await add.GetByLabel("Question", new() { Exact = true }).FillAsync("Our controls are mature");
        await add.GetByLabel("Question type").SelectOptionAsync("likert");
        await Assertions.Expect(add.GetByLabel("Character limit")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await Assertions.Expect(page.Locator("#likert_scale_length-errors")).ToHaveTextAsync("This field is required for likert questions.");
        await BrowserApp.ScreenshotAsync(page, "builder-likert-refused");
        await add.GetByLabel("Points on the scale").SelectOptionAsync("5");
        await add.GetByLabel("Low label").FillAsync("Disagree");
        await add.GetByLabel("High label").FillAsync("Agree");
        await add.GetByLabel("Offer “N/A”").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await Assertions.Expect(QuestionRow(page, "Our controls are mature")).ToBeVisibleAsync();

        await AddQuestionAsync(page, "Latest penetration test report", "file", extra: async form =>
        {
            await form.GetByLabel("File types").FillAsync(".pdf");
            await form.GetByLabel("MIME types").FillAsync("application/pdf");
            await form.GetByLabel("Largest file (MB)").FillAsync("10");
        });
        await AddQuestionAsync(page, "Supporting documents", "multiple_files", extra: async form =>
        {
            await form.GetByLabel("Largest file (MB)").FillAsync("5");
            await form.GetByLabel("Most files").FillAsync("3");
        });
        await Assertions.Expect(page.Locator("#questions > li")).ToHaveCountAsync(18);
        await BrowserApp.ScreenshotAsync(page, "builder-every-type");

        // Options, a review trigger on one of them, and their order.
        await OpenQuestionAsync(page, Region);
        foreach (var label in new[] { "EU", "USA", "Elsewhere" })
        {
            await page.GetByLabel("New option").FillAsync(label);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add option" }).ClickAsync();
            await Assertions.Expect(page.Locator(".option-row input[name=label]").Last).ToHaveValueAsync(label);
        }
        await page.Locator(".option-row").Nth(1).Locator("input[name=label]").FillAsync("United States");
        await page.Locator(".option-row").Nth(1).GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move “Elsewhere” up" }).ClickAsync();
        await Assertions.Expect(page.Locator(".option-row input[name=label]").Nth(1)).ToHaveValueAsync("Elsewhere");
        Assert.Equal(["EU", "Elsewhere", "United States"],
            await page.Locator(".option-row input[name=label]").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)"));
        await page.GetByLabel("Needs review when the answer matches").CheckAsync();
        await page.GetByLabel("Review operator").SelectOptionAsync("in");
        await page.GetByRole(AriaRole.Group, new() { Name = "Answer that needs review" }).GetByLabel("Elsewhere").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Answer that needs review" }).GetByLabel("Elsewhere")).ToBeCheckedAsync();

        // Conditional guidance on the first question.
        await OpenQuestionAsync(page, PersonalData);
        await page.GetByLabel("Guidance shown under the question").FillAsync(Guidance);
        await page.GetByLabel("Shown only when the answer matches").CheckAsync();
        await page.GetByLabel("Guidance operator").SelectOptionAsync("equals");
        await page.GetByLabel("Answer that shows the guidance").SelectOptionAsync("true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Answer that shows the guidance")).ToHaveValueAsync("true");

        // The processor question is shown only for the EU; the operators offered are those of a select question.
        await OpenQuestionAsync(page, Processor);
        await page.GetByLabel("Depends on the answer to").SelectOptionAsync(new SelectOptionValue { Label = $"{Region} (single select)" });
        await Assertions.Expect(page.Locator("#add-dependency")).ToBeVisibleAsync();
        var offered = await page.Locator("#dependency-operator option").AllTextContentsAsync();
        Assert.Equal(["— choose —", "equals", "does not equal", "is one of", "is none of"], offered);
        await page.GetByLabel("Operator", new() { Exact = true }).SelectOptionAsync("equals");
        await page.Locator("#add-dependency").GetByLabel("EU").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add condition" }).ClickAsync();
        await Assertions.Expect(page.Locator(".dependency-list li")).ToContainTextAsync($"“{Region}” equals EU");
        await BrowserApp.ScreenshotAsync(page, "builder-question-with-condition");

        // The opposite dependency would close a cycle: refused, with the message naming it.
        await OpenQuestionAsync(page, Region);
        await page.GetByLabel("Depends on the answer to").SelectOptionAsync(new SelectOptionValue { Label = $"{Processor} (text input)" });
        await page.GetByLabel("Operator", new() { Exact = true }).SelectOptionAsync("contains");
        await page.Locator("#add-dependency").GetByLabel("Value").FillAsync("Oy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add condition" }).ClickAsync();
        await Assertions.Expect(page.Locator("#dependencies #form-errors")).ToHaveTextAsync(
            $"Circular dependency detected: '{Region}' -> '{Processor}' -> '{Region}'");
        await BrowserApp.ScreenshotAsync(page, "builder-cycle-refused");

        // The preview: the conditional question appears for the EU, the guidance for "Yes"; nothing is stored.
        await page.GotoAsync(checklistPath + "preview/");
        var processor = page.Locator("fieldset.question", new() { HasText = Processor });
        var guidance = page.Locator("fieldset.question", new() { HasText = PersonalData }).Locator(".guidance");
        await Assertions.Expect(processor).ToBeHiddenAsync();
        await Assertions.Expect(guidance).ToBeHiddenAsync();
        await page.Locator("fieldset.question", new() { HasText = Region }).GetByLabel("EU").CheckAsync();
        await Assertions.Expect(processor).ToBeVisibleAsync();
        await page.Locator("fieldset.question", new() { HasText = PersonalData }).GetByLabel("Yes").CheckAsync();
        await Assertions.Expect(guidance).ToHaveTextAsync(Guidance);
        await Assertions.Expect(page.Locator("fieldset.question")).ToHaveCountAsync(18);
        await BrowserApp.ScreenshotAsync(page, "builder-preview");
        await page.Locator("fieldset.question", new() { HasText = Region }).GetByLabel("United States").CheckAsync();
        await Assertions.Expect(processor).ToBeHiddenAsync();

        // The provider attaches it to their offering from their own pages.
        var owner = await app.SignInAsync(provider.Owner);
        await owner.GotoAsync($"/offerings/{provider.Offering}/compliance/");
        await owner.GetByLabel("Checklist").SelectOptionAsync(checklist);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(owner.Locator("#current-checklist")).ToHaveTextAsync(name);

        // A user completes it.
        var user = await app.SignInAsync(member);
        await user.GotoAsync($"/compliance/{offeringUser}/");
        await user.Locator("fieldset.question", new() { HasText = PersonalData }).GetByLabel("No", new() { Exact = true }).CheckAsync();
        await user.Locator("fieldset.question", new() { HasText = Region }).GetByLabel("EU").CheckAsync();
        await user.GetByLabel(Processor).FillAsync("Processor Oy");
        await user.GetByLabel(Contact).FillAsync("security@example.com");
        await user.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(user.Locator("#completion .badge")).ToHaveTextAsync("completed");

        // Staff see what adding a required question does before it is saved: the user's completion becomes incomplete.
        await page.GotoAsync(checklistPath);
        await Assertions.Expect(page.Locator("#usage")).ToContainTextAsync("Used by 1 offering(s)");
        add = page.Locator("#add-question");
        await add.GetByLabel("Question", new() { Exact = true }).FillAsync("Do you have a data protection officer?");
        await add.GetByLabel("Required").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await Assertions.Expect(page.Locator("#impact")).ToContainTextAsync("This change re-evaluates 1 completion(s) of 1 offering(s)");
        await Assertions.Expect(page.Locator("#become-incomplete")).ToContainTextAsync(vendorName);
        Assert.Equal("true", (await member.Client.GetAsync($"/api/marketplace-offering-users/{offeringUser}/completion_status/"))
            .Expect(HttpStatusCode.OK)["is_completed"].ToLowerInvariant());
        await BrowserApp.ScreenshotAsync(page, "builder-impact");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the question anyway" }).ClickAsync();
        await Assertions.Expect(page.Locator("#questions > li")).ToHaveCountAsync(19);
        await Eventually.UntilAsync(
            async () => (await member.Client.GetAsync($"/api/marketplace-offering-users/{offeringUser}/completion_status/")).Expect(HttpStatusCode.OK)["is_completed"],
            completed => completed.Equals("false", StringComparison.OrdinalIgnoreCase), "the new required question to reopen the completion");

        // In use, the checklist cannot be deleted; the page says why.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete “{name}”" }).ClickAsync();
        await Assertions.Expect(page.Locator("#delete-checklist #form-errors")).ToHaveTextAsync(
            "The checklist is used by offerings; detach it from them before deleting it.");

        await page.GotoAsync("/admin/checklists/");
        await Assertions.Expect(page.Locator("#checklist-list tr", new() { HasText = name })).ToContainTextAsync("19");
        await BrowserApp.ScreenshotAsync(page, "builder-checklists");
    }

    [Fact]
    public async Task The_builder_pages_fit_375_px_and_questions_move_by_drag_or_buttons()
    {
        var (checklist, questions) = await app.World.CreateChecklistWithQuestionsAsync(
            new { description = "First question with a rather long description that has to wrap on a narrow screen", question_type = "boolean", order = 1 },
            new { description = "Second", question_type = "single_select", order = 2 },
            new { description = "Third", question_type = "text_input", order = 3 });
        await app.World.CreateOptionAsync(questions[1], "An option whose label is long enough to wrap", 1);
        var staff = await app.World.CreateUserAsync(staff: true);
        var page = await app.SignInAsync(staff, width: 375);
        await AssertFitsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "builder-checklists-375px");
        await page.GotoAsync($"/admin/checklists/{checklist}/");
        await AssertFitsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "builder-checklist-375px");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move “Third” up" }).ClickAsync();
        await Assertions.Expect(page.Locator(".question-link")).ToHaveTextAsync([
            "First question with a rather long description that has to wrap on a narrow screen", "Third", "Second"]);
        await page.Locator("#questions > li").Nth(2).DragToAsync(page.Locator("#questions > li").Nth(0), new()
        {
            TargetPosition = new TargetPosition { X = 20, Y = 2 },
        });
        await Assertions.Expect(page.Locator(".question-link")).ToHaveTextAsync([
            "Second", "First question with a rather long description that has to wrap on a narrow screen", "Third"]);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".question-link").First).ToHaveTextAsync("Second");

        await page.GotoAsync($"/admin/checklists/{checklist}/questions/{questions[1]}/");
        await AssertFitsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "builder-question-375px");
        // Another type shows its own fields; conditions on the answer wait until the new type is saved.
        await Assertions.Expect(page.GetByLabel("Minimum")).ToBeHiddenAsync();
        await page.GetByLabel("Question type").SelectOptionAsync("number");
        await Assertions.Expect(page.GetByLabel("Minimum")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Needs review when the answer matches")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("Every answer")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "builder-question-type-changed-375px");
        await page.GotoAsync($"/admin/checklists/{checklist}/preview/");
        await AssertFitsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "builder-preview-375px");
    }

    private static Func<ILocator, Task> Range(string min, string max) => async form =>
    {
        await form.GetByLabel("Minimum").FillAsync(min);
        await form.GetByLabel("Maximum").FillAsync(max);
    };

    private static ILocator QuestionRow(IPage page, string description) =>
        page.Locator("#questions .question-link", new() { HasTextString = description });

    private static async Task AddQuestionAsync(IPage page, string description, string type, bool required = false, Func<ILocator, Task>? extra = null)
    {
        var form = page.Locator("#add-question");
        await form.GetByLabel("Question", new() { Exact = true }).FillAsync(description);
        await form.GetByLabel("Question type").SelectOptionAsync(type);
        if (required) await form.GetByLabel("Required").CheckAsync();
        if (extra is not null) await extra(form);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await Assertions.Expect(QuestionRow(page, description)).ToBeVisibleAsync();
    }

    private static async Task OpenQuestionAsync(IPage page, string description)
    {
        var checklistPath = new Uri(page.Url).AbsolutePath.Split("/questions/")[0].TrimEnd('/') + "/";
        await page.GotoAsync(checklistPath);
        await QuestionRow(page, description).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(description);
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow} px wider than the window");
    }
}

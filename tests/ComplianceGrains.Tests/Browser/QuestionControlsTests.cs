using System.Net;
using System.Text.Json.Nodes;
using ComplianceGrains.Tests.Support;
using Microsoft.Playwright;

namespace ComplianceGrains.Tests.Browser;

/// <summary>Every question type has its native control, labelled, usable at 375 px, and stores what the user chose.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuestionControlsTests(BrowserApp app)
{
    private static readonly string LowestToolbarLevel = ComplianceGrains.Domain.RichTextToolbarLevels.All[0];

    private static readonly object[] AllTypes =
    [
        new { description = "Project name", question_type = "text_input", order = 1 },
        new { description = "Describe the workload", question_type = "text_area", order = 2 },
        new { description = "Security summary", question_type = "rich_text", order = 3, rich_text_char_limit = 200, rich_text_toolbar_level = LowestToolbarLevel },
        new { description = "Uses encryption", question_type = "boolean", order = 4 },
        new { description = "Number of servers", question_type = "number", order = 5, min_value = 1, max_value = 1000 },
        new { description = "Pick one colour", question_type = "single_select", order = 6 },
        new { description = "Pick colours", question_type = "multi_select", order = 7 },
        new { description = "Start date", question_type = "date", order = 8 },
        new { description = "Audit appointment", question_type = "datetime", order = 9 },
        new { description = "Founded", question_type = "year", order = 10, min_value = 1900, max_value = 2100 },
        new { description = "Rate the service", question_type = "rating", order = 11, min_value = 1, max_value = 5 },
        new { description = "Contact e-mail", question_type = "email", order = 12 },
        new { description = "Phone", question_type = "phone_number", order = 13 },
        new { description = "Home page", question_type = "url", order = 14 },
        new { description = "Country of the data centre", question_type = "country", order = 15 },
        new { description = "Satisfaction", question_type = "likert", order = 16, likert_scale_length = 5, likert_low_label = "Poor", likert_high_label = "Great", likert_allow_na = true },
        new { description = "Policy document", question_type = "file", order = 17, allowed_file_types = new[] { ".pdf" }, max_file_size_mb = 1 },
        new { description = "Certificates", question_type = "multiple_files", order = 18, max_files_count = 2 },
    ];

    [Fact]
    public async Task Every_question_type_is_answered_with_its_control_at_375_px_and_stored()
    {
        var world = await app.World.CreateOfferingUserWorldAsync(AllTypes);
        var q = world.Questions;
        var red = await app.World.CreateOptionAsync(q[5], "Red", 1);
        await app.World.CreateOptionAsync(q[5], "Blue", 2);
        var green = await app.World.CreateOptionAsync(q[6], "Green", 1);
        var yellow = await app.World.CreateOptionAsync(q[6], "Yellow", 2);

        var page = await app.SignInAsync(world.User, width: 375);
        await page.GotoAsync($"/compliance/{world.OfferingUser}/");
        await AssertEveryControlIsLabelledAsync(page);
        await AssertNoHorizontalScrollAsync(page);

        await page.GetByLabel("Project name").FillAsync("Apollo");
        await page.GetByLabel("Describe the workload").FillAsync("Batch jobs");
        var editor = page.Locator($"#q{q[2]} .editor");
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("Keys ");
        await page.Locator($"#q{q[2]}").GetByRole(AriaRole.Button, new() { Name = "Bold" }).ClickAsync();
        await page.Keyboard.TypeAsync("rotated");
        await Assertions.Expect(page.Locator($"#q{q[2]} .count")).ToContainTextAsync("of 200 characters");
        await Assertions.Expect(page.Locator($"#q{q[2]}").GetByRole(AriaRole.Button, new() { Name = "Bulleted list" })).ToHaveCountAsync(0);
        await page.Locator($"#q{q[3]}").GetByLabel("Yes").CheckAsync();
        Assert.Equal("number", await page.GetByLabel("Number of servers").GetAttributeAsync("type"));
        Assert.Equal("1000", await page.GetByLabel("Number of servers").GetAttributeAsync("max"));
        await page.GetByLabel("Number of servers").FillAsync("12");
        await page.Locator($"#q{q[5]}").GetByLabel("Red").CheckAsync();
        await page.Locator($"#q{q[6]}").GetByLabel("Green").CheckAsync();
        await page.Locator($"#q{q[6]}").GetByLabel("Yellow").CheckAsync();
        Assert.Equal("date", await page.GetByLabel("Start date").GetAttributeAsync("type"));
        await page.GetByLabel("Start date").FillAsync("2026-03-01");
        Assert.Equal("datetime-local", await page.GetByLabel("Audit appointment").GetAttributeAsync("type"));
        await page.GetByLabel("Audit appointment").FillAsync("2026-03-02T10:30");
        await page.GetByLabel("Founded").FillAsync("1999");
        await page.Locator($"#q{q[10]}").GetByLabel("4").CheckAsync();
        Assert.Equal("email", await page.GetByLabel("Contact e-mail").GetAttributeAsync("type"));
        await page.GetByLabel("Contact e-mail").FillAsync("ops@example.com");
        Assert.Equal("tel", await page.GetByLabel("Phone").GetAttributeAsync("type"));
        await page.GetByLabel("Phone").FillAsync("+372 5555 1234");
        Assert.Equal("url", await page.GetByLabel("Home page").GetAttributeAsync("type"));
        await page.GetByLabel("Home page").FillAsync("https://example.com/");
        await page.Locator($"#q{q[14]} .country-filter").FillAsync("esto");
        await page.GetByLabel("Country of the data centre").SelectOptionAsync("EE");
        await Assertions.Expect(page.Locator($"#q{q[15]}")).ToContainTextAsync("Poor");
        await page.Locator($"#q{q[15]}").GetByLabel("N/A").CheckAsync();
        Assert.Equal(".pdf", await page.GetByLabel("Policy document").GetAttributeAsync("accept"));
        await page.GetByLabel("Policy document").SetInputFilesAsync(new FilePayload { Name = "policy.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf() });
        await page.GetByLabel("Certificates").SetInputFilesAsync(
        [
            new FilePayload { Name = "a.txt", MimeType = "text/plain", Buffer = SampleFiles.Text("a") },
            new FilePayload { Name = "b.txt", MimeType = "text/plain", Buffer = SampleFiles.Text("b") },
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#completion .percent")).ToHaveTextAsync("100 %");
        await Assertions.Expect(page.Locator($"#q{q[16]} .files a")).ToHaveTextAsync("policy.pdf");
        await BrowserApp.ScreenshotAsync(page, "form-all-types-375px");

        var checklist = (await world.User.Client.GetAsync(world.Path("checklist"))).Expect(HttpStatusCode.OK);
        var answers = checklist.Json!["questions"]!.AsArray().ToDictionary(
            x => x!["uuid"]!.GetValue<string>(), x => x!["existing_answer"]?["answer_data"]);
        Assert.Equal("Apollo", answers[q[0]]!.GetValue<string>());
        Assert.Equal("Keys <b>rotated</b>", answers[q[2]]!.GetValue<string>());
        Assert.True(answers[q[3]]!.GetValue<bool>());
        Assert.Equal(12, answers[q[4]]!.GetValue<int>());
        Assert.Equal(red, answers[q[5]]!.AsArray().Single()!.GetValue<string>().Replace("-", ""));
        Assert.Equal(new[] { green, yellow }.Order(), answers[q[6]]!.AsArray().Select(x => x!.GetValue<string>().Replace("-", "")).Order());
        Assert.Equal("2026-03-01", answers[q[7]]!.GetValue<string>());
        Assert.StartsWith("2026-03-02T10:30", answers[q[8]]!.GetValue<string>());
        Assert.Equal(1999, answers[q[9]]!.GetValue<int>());
        Assert.Equal(4, answers[q[10]]!.GetValue<int>());
        Assert.Equal("EE", answers[q[14]]!.GetValue<string>());
        Assert.Equal("na", answers[q[15]]!.GetValue<string>());
        Assert.Equal("policy.pdf", answers[q[16]]!["name"]!.GetValue<string>());
        Assert.Equal(2, answers[q[17]]!.AsArray().Count);

        // Saving again without choosing files keeps the stored ones.
        await page.GetByLabel("Project name").FillAsync("Apollo 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#q{q[16]} .files a")).ToHaveTextAsync("policy.pdf");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"#q{q[16]} .files a").ClickAsync());
        Assert.Equal(SampleFiles.Pdf(), await File.ReadAllBytesAsync((await download.PathAsync())!));
    }

    [Fact]
    public async Task A_file_of_a_type_the_question_refuses_gets_its_message_and_nothing_is_stored()
    {
        var world = await app.World.CreateOfferingUserWorldAsync(
            new { description = "Policy document", question_type = "file", required = true, allowed_file_types = new[] { ".pdf" }, allowed_mime_types = new[] { "application/pdf" } },
            new { description = "Project name", question_type = "text_input", required = true });
        var page = await app.SignInAsync(world.User);
        await page.GotoAsync($"/compliance/{world.OfferingUser}/");
        await page.GetByLabel("Project name").FillAsync("Apollo");
        await page.GetByLabel("Policy document").SetInputFilesAsync(new FilePayload { Name = "policy.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Text() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#q{world.Questions[0]} .field-errors")).ToContainTextAsync("Policy document");
        await Assertions.Expect(page.GetByLabel("Project name")).ToHaveValueAsync("Apollo");
        var status = (await world.User.Client.GetAsync(world.Path("completion_status"))).Expect(HttpStatusCode.OK);
        Assert.Equal(0.0, status.Json!["completion_percentage"]!.GetValue<double>());
        await BrowserApp.ScreenshotAsync(page, "form-file-refused");
    }

    [Fact]
    public async Task Rich_text_keeps_only_the_markup_of_its_toolbar_level()
    {
        var world = await app.World.CreateOfferingUserWorldAsync(
            new { description = "Summary", question_type = "rich_text", rich_text_toolbar_level = LowestToolbarLevel });
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser,
            (world.Questions[0], "<p onclick=\"x()\">Hi <script>alert(1)</script><ul><li>item</li></ul><a href=\"javascript:x()\">y</a></p>")))
            .Expect(HttpStatusCode.OK);
        var page = await app.SignInAsync(world.User);
        await page.GotoAsync($"/compliance/{world.OfferingUser}/");
        var stored = (await world.User.Client.GetAsync(world.Path("checklist"))).Expect(HttpStatusCode.OK)
            .Json!["questions"]![0]!["existing_answer"]!["answer_data"]!.GetValue<string>();
        Assert.DoesNotContain("script", stored);
        Assert.DoesNotContain("onclick", stored);
        Assert.DoesNotContain("javascript", stored);
        Assert.DoesNotContain("<ul>", stored);
        Assert.Contains("Hi", stored);
        await Assertions.Expect(page.Locator($"#q{world.Questions[0]} .editor")).ToContainTextAsync("item");
        await BrowserApp.ScreenshotAsync(page, "form-rich-text-sanitised");
    }

    /// <summary>Every visible form control has an accessible name.</summary>
    private static async Task AssertEveryControlIsLabelledAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll("main input:not([type=hidden]), main select, main textarea, main [contenteditable=true]"))
              .filter(e => e.offsetParent !== null)
              .filter(e => !(e.labels && e.labels.length) && !e.getAttribute("aria-label") && !e.getAttribute("aria-labelledby"))
              .map(e => e.outerHTML.slice(0, 120))
            """);
        Assert.Empty(unlabelled);
    }

    private static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than the 375 px window");
    }
}

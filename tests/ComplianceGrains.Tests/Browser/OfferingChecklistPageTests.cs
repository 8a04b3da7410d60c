using System.Net;
using ComplianceGrains.Tests.Support;
using Microsoft.Playwright;

namespace ComplianceGrains.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OfferingChecklistPageTests(BrowserApp app)
{
    [Fact]
    public async Task The_owner_attaches_a_checklist_after_a_confirmation_that_counts_the_completions_and_follows_the_job()
    {
        var provider = await app.World.CreateProviderWorldAsync();
        var checklist = await app.World.CreateChecklistAsync(ApiWorld.Unique("Attach me"));
        await app.World.CreateQuestionAsync(checklist, new { description = "Agree", question_type = "boolean", required = true });
        for (var i = 0; i < 3; i++) await app.World.CreateOfferingUserAsync(provider.Offering, await app.World.CreateUserRecordAsync());

        var page = await app.SignInAsync(provider.Owner);
        await page.GotoAsync($"/offerings/{provider.Offering}/compliance/");
        await Assertions.Expect(page.Locator("#current-checklist")).ToHaveTextAsync("none");
        await page.GetByLabel("Checklist").SelectOptionAsync(checklist);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("#impact")).ToHaveTextAsync(
            "3 completion(s) will be created and 0 archived (archived answers are kept for audit).");
        // Nothing changes before the confirmation.
        var before = (await provider.Owner.Client.GetAsync($"/api/marketplace-provider-offerings/{provider.Offering}/")).Expect(HttpStatusCode.OK);
        Assert.Null(before.Json!["compliance_checklist"]?.GetValue<string>());

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#current-checklist")).ToContainTextAsync("Attach me");
        await Assertions.Expect(page.Locator("#sync-state")).ToHaveTextAsync("idle", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#sync-counts")).ToHaveTextAsync("3 of 3 offering users");
        await BrowserApp.ScreenshotAsync(page, "offering-checklist-attached");

        await page.GetByLabel("Checklist").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("#impact")).ToHaveTextAsync(
            "0 completion(s) will be created and 3 archived (archived answers are kept for audit).");
        await BrowserApp.ScreenshotAsync(page, "offering-checklist-detach-confirmation");
    }

    [Fact]
    public async Task A_support_member_who_may_not_change_the_offering_is_refused_by_the_grain()
    {
        var provider = await app.World.CreateProviderWorldAsync();
        var checklist = await app.World.CreateChecklistAsync();
        var page = await app.SignInAsync(provider.SupportRole);
        await page.GotoAsync($"/offerings/{provider.Offering}/compliance/");
        await page.GetByLabel("Checklist").SelectOptionAsync(checklist);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(403, response.Status);
        var after = (await app.World.Admin.GetAsync($"/api/marketplace-provider-offerings/{provider.Offering}/")).Expect(HttpStatusCode.OK);
        Assert.Null(after.Json!["compliance_checklist"]?.GetValue<string>());
        await BrowserApp.ScreenshotAsync(page, "offering-checklist-refused");
    }
}

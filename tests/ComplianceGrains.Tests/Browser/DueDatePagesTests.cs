using System.Globalization;
using System.Net;
using ComplianceGrains.Tests.Support;
using Microsoft.Playwright;

namespace ComplianceGrains.Tests.Browser;

/// <summary>Issue 15 item 9: due dates and overdue badges on the user's and the provider's pages, the clock driven by the test.</summary>
[Collection(ClockedBrowserCollection.Name)]
public sealed class DueDatePagesTests(ClockedBrowserApp app)
{
    [Fact]
    public async Task A_due_date_passing_puts_overdue_badges_on_the_users_and_the_providers_pages_until_the_checklist_is_completed()
    {
        var world = await app.World.CreateOfferingUserWorldAsync(new { description = "Agree?", question_type = "boolean", required = true });
        await app.World.SetCompliancePolicyAsync(world.Provider.Offering, new { due_days = 1 });
        var status = (await app.World.Admin.GetAsync(world.Path("completion_status"))).Expect(HttpStatusCode.OK);
        var due = $"Due {status.Json!["due_date"]!.GetValue<DateTime>().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

        var user = await app.SignInAsync(world.User);
        await user.GotoAsync("/compliance/");
        await Assertions.Expect(user.Locator("tbody tr .due")).ToHaveTextAsync(due);
        await Assertions.Expect(user.Locator("tbody tr .badge-overdue")).ToHaveCountAsync(0);

        app.Clock.Advance(TimeSpan.FromDays(2));
        // A new session: on this clock the first one's eight hours are over.
        user = await app.SignInAsync(world.User);
        await user.GotoAsync("/compliance/");
        await Assertions.Expect(user.Locator("tbody tr .badge-overdue")).ToHaveTextAsync("overdue");
        await BrowserApp.ScreenshotAsync(user, "due-my-compliance-overdue");
        await user.Locator("tbody tr").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(user.Locator("#deadline .due")).ToHaveTextAsync(due);
        await Assertions.Expect(user.Locator("#deadline .badge-overdue")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(user, "due-form-overdue");

        var provider = await app.SignInAsync(world.Provider.Owner);
        await provider.GotoAsync($"/providers/{world.Provider.Provider}/");
        await Assertions.Expect(provider.Locator("#overdue-users")).ToHaveTextAsync("1");
        await Assertions.Expect(provider.Locator("#offerings tbody tr td[data-label=Overdue]")).ToHaveTextAsync("1");
        await BrowserApp.ScreenshotAsync(provider, "due-dashboard-overdue");
        await provider.GetByRole(AriaRole.Link, new() { Name = "Overdue users" }).ClickAsync();
        await Assertions.Expect(provider.GetByLabel("Due date")).ToHaveValueAsync("true");
        await Assertions.Expect(provider.Locator("#users tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(provider.Locator("#users tbody tr .due")).ToHaveTextAsync(due);
        await Assertions.Expect(provider.Locator("#users tbody tr .badge-overdue")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(provider, "due-offering-users-overdue");
        await provider.Locator("#users tbody tr").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(provider.Locator("#deadline .badge-overdue")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(provider, "due-review-overdue");

        // Completed late: no longer overdue, on the user's page and in the provider's list.
        await user.GetByLabel("Yes").CheckAsync();
        await user.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(user.Locator("#saved")).ToBeVisibleAsync();
        await Assertions.Expect(user.Locator("#completion .badge")).ToHaveTextAsync("completed");
        await Assertions.Expect(user.Locator("#deadline .badge-overdue")).ToHaveCountAsync(0);
        await provider.GotoAsync($"/providers/{world.Provider.Provider}/users/?is_overdue=true");
        await Assertions.Expect(provider.Locator("#users tbody tr")).ToHaveCountAsync(0);
        await provider.GotoAsync($"/providers/{world.Provider.Provider}/");
        await Assertions.Expect(provider.Locator("#overdue-users")).ToHaveTextAsync("0");
    }
}

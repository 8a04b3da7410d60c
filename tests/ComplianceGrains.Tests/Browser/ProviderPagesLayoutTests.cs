using ComplianceGrains.Tests.Support;
using Microsoft.Playwright;

namespace ComplianceGrains.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ProviderPagesLayoutTests(BrowserApp app)
{
    [Fact]
    public async Task Long_names_wrap_and_every_page_of_a_user_and_a_provider_stays_readable_at_375_px()
    {
        var world = await app.World.CreateOfferingUserWorldAsync(new
        {
            description = "Have you read the acceptable use policy of the Wolfeschlegelsteinhausenbergerdorff data centre?",
            question_type = "boolean", required = true,
        });
        var provider = world.Provider;
        var longName = "Maximiliana Alexandrina Konstantinopoulou-Wolfeschlegelsteinhausenbergerdorff " + ApiWorld.Unique("x");
        await app.World.CreateOfferingUserAsync(provider.Offering, await app.World.CreateUserRecordAsync(longName));
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], true))).Expect(System.Net.HttpStatusCode.OK);

        var page = await app.SignInAsync(provider.Owner, width: 375);
        await page.GotoAsync($"/providers/{provider.Provider}/");
        await Assertions.Expect(page.Locator("#total-users")).ToHaveTextAsync("2");
        await PageChecks.AssertReadableAsync(page);
        await BrowserApp.ScreenshotAsync(page, "provider-dashboard-375px");

        await page.GotoAsync($"/providers/{provider.Provider}/users/");
        await Assertions.Expect(page.Locator("#users tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#users tbody")).ToContainTextAsync(longName);
        await PageChecks.AssertReadableAsync(page);
        await BrowserApp.ScreenshotAsync(page, "provider-users-375px");

        await page.GotoAsync($"/providers/{provider.Provider}/users/{world.OfferingUser}/");
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(1);
        await PageChecks.AssertReadableAsync(page);
        await BrowserApp.ScreenshotAsync(page, "provider-review-375px");

        var user = await app.SignInAsync(world.User, width: 375);
        await user.GotoAsync("/compliance/");
        await PageChecks.AssertReadableAsync(user);
        await BrowserApp.ScreenshotAsync(user, "my-compliance-375px");
        await user.GotoAsync($"/compliance/{world.OfferingUser}/");
        await PageChecks.AssertReadableAsync(user);
        await BrowserApp.ScreenshotAsync(user, "checklist-form-375px");
    }

    [Fact]
    public async Task The_keyboard_reaches_every_control_of_the_filters_with_a_visible_focus()
    {
        var provider = await app.World.CreateProviderWorldAsync();
        var page = await app.SignInAsync(provider.Owner);
        await page.GotoAsync($"/providers/{provider.Provider}/users/");
        await page.GetByLabel("Name or e-mail").FocusAsync();
        var reached = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.textContent.trim()"));
            var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
            Assert.NotEqual("none", outline);
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal(["search", "status", "overdue", "offering", "order", "Apply", "export"], reached);
        await BrowserApp.ScreenshotAsync(page, "provider-users-keyboard-focus");
    }
}

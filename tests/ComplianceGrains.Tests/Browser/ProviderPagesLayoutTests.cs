using ComplianceGrains.Tests.Support;
using Microsoft.Playwright;

namespace ComplianceGrains.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ProviderPagesLayoutTests(BrowserApp app)
{
    [Fact]
    public async Task Long_names_wrap_and_the_provider_pages_fit_375_px()
    {
        var provider = await app.World.CreateProviderWorldAsync();
        var longName = "Maximiliana Alexandrina Konstantinopoulou-Wolfeschlegelsteinhausenbergerdorff " + ApiWorld.Unique("x");
        await app.World.CreateOfferingUserAsync(provider.Offering, await app.World.CreateUserRecordAsync(longName));
        var page = await app.SignInAsync(provider.Owner, width: 375);
        await Assertions.Expect(page.Locator("#total-users")).ToHaveTextAsync("1");
        await AssertFitsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "provider-dashboard-375px");

        await page.GotoAsync($"/providers/{provider.Provider}/users/");
        await Assertions.Expect(page.Locator("#users tbody tr")).ToContainTextAsync(longName);
        await AssertFitsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "provider-users-375px");
    }

    [Fact]
    public async Task The_keyboard_reaches_every_control_of_the_filters_with_a_visible_focus()
    {
        var provider = await app.World.CreateProviderWorldAsync();
        var page = await app.SignInAsync(provider.Owner);
        await page.GotoAsync($"/providers/{provider.Provider}/users/");
        await page.GetByLabel("Name or e-mail").FocusAsync();
        var reached = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.textContent.trim()"));
            var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
            Assert.NotEqual("none", outline);
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal(["search", "status", "offering", "order", "Apply", "export"], reached);
        await BrowserApp.ScreenshotAsync(page, "provider-users-keyboard-focus");
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow} px wider than the window");
    }
}

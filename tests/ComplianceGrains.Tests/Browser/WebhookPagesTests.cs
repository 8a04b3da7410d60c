using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ComplianceGrains.Tests.Support;
using Microsoft.Playwright;

namespace ComplianceGrains.Tests.Browser;

/// <summary>Issue 15 item 9: a provider's webhook subscriptions and their delivery logs on the pages, with a real receiver.</summary>
[Collection(ClockedBrowserCollection.Name)]
public sealed class WebhookPagesTests(ClockedBrowserApp app)
{
    [Fact]
    public async Task A_subscription_created_on_the_page_gets_a_signed_delivery_that_its_log_shows_and_redelivers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = await app.World.CreateOfferingUserWorldAsync(new { description = "Agree?", question_type = "boolean", required = true });
        var webhooks = $"/providers/{world.Provider.Provider}/webhooks/";
        var page = await app.SignInAsync(world.Provider.Owner);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync($"/providers/{world.Provider.Provider}/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No subscriptions yet.")).ToBeVisibleAsync();

        await page.GetByLabel("Address (https://…)").FillAsync("ftp://example.org/hook");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create subscription" }).ClickAsync();
        await Assertions.Expect(page.Locator("#url-errors")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#subscriptions")).ToHaveCountAsync(0);

        await page.GetByLabel("Address (https://…)").FillAsync(receiver.Url);
        await page.GetByLabel("completion.completed").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create subscription" }).ClickAsync();
        var secret = await page.GetByLabel(new Regex("^Secret of")).InputValueAsync();
        Assert.StartsWith("whsec_", secret);
        var row = page.Locator("#subscriptions tbody tr");
        await Assertions.Expect(row).ToContainTextAsync(receiver.Url);
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("active");
        await BrowserApp.ScreenshotAsync(page, "webhooks-created");
        await page.GotoAsync(webhooks);
        Assert.DoesNotContain(secret, await page.ContentAsync());

        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], true))).Expect(HttpStatusCode.OK);
        var first = (await receiver.WaitForAsync(1))[0];
        Assert.True(first.HasValidSignature(secret), "the delivery is signed with the secret the page showed");
        Assert.Equal("completion.completed", JsonNode.Parse(first.Body)!["type"]!.ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = $"Delivery log of {receiver.Url}" }).ClickAsync();
        var delivery = page.Locator("#deliveries tbody tr");
        await ReloadUntilAsync(page, delivery.Locator(".badge-delivered"), "the delivery is logged as delivered");
        await Assertions.Expect(delivery).ToContainTextAsync(first.Id);
        await Assertions.Expect(delivery.Locator(".attempts li")).ToHaveCountAsync(1);
        await Assertions.Expect(delivery.Locator(".attempt-status")).ToHaveTextAsync("HTTP 200");
        await Assertions.Expect(delivery.Locator(".attempt-latency")).ToHaveTextAsync(new Regex(@"^\d[\d,]* ms$"));

        await delivery.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Redeliver") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("same webhook-id");
        var again = await receiver.WaitForAsync(2);
        Assert.Equal(first.Id, again[1].Id);
        await ReloadUntilAsync(page, delivery.Locator(".attempts li").Nth(1), "the redelivery's attempt is logged");
        await BrowserApp.ScreenshotAsync(page, "webhook-delivery-log");

        var narrow = await app.SignInAsync(world.Provider.Owner, width: 375);
        await narrow.GotoAsync(page.Url);
        await PageChecks.AssertReadableAsync(narrow);
        await BrowserApp.ScreenshotAsync(narrow, "webhook-delivery-log-375px");
        await narrow.GotoAsync(webhooks);
        await PageChecks.AssertReadableAsync(narrow);
        await BrowserApp.ScreenshotAsync(narrow, "webhooks-375px");

        await page.GotoAsync(webhooks);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Deactivate {receiver.Url}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Subscription deactivated.");
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("inactive");
        var listed = (await app.World.Admin.GetAsync($"/api/marketplace-service-providers/{world.Provider.Provider}/compliance/webhooks/"))
            .Expect(HttpStatusCode.OK).Array;
        Assert.False((bool)listed.Single()!["is_active"]!);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Activate {receiver.Url}" }).ClickAsync();
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("active");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {receiver.Url}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Subscription deleted.");
        await Assertions.Expect(page.GetByText("No subscriptions yet.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_subscription_is_created_with_the_keyboard_alone_and_every_control_shows_its_focus()
    {
        var provider = await app.World.CreateProviderWorldAsync();
        var page = await app.SignInAsync(provider.Owner);
        await page.GotoAsync($"/providers/{provider.Provider}/webhooks/");
        await page.GetByLabel("Address (https://…)").FocusAsync();
        await page.Keyboard.TypeAsync("https://hooks.example.org/compliance");
        var reached = new List<string>();
        for (var i = 0; i <= ComplianceGrains.Compliance.ComplianceEventTypes.All.Count; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.textContent.trim()"));
            Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
            if (i == 1) await page.Keyboard.PressAsync("Space");
        }
        Assert.Equal("type-completion-completed", reached[0]);
        Assert.Equal("Create subscription", reached[^1]);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByLabel(new Regex("^Secret of"))).ToHaveValueAsync(new Regex("^whsec_"));
        await Assertions.Expect(page.Locator("#subscriptions tbody tr")).ToContainTextAsync("completion.reopened");
        await PageChecks.AssertControlsLabelledAsync(page);
        await BrowserApp.ScreenshotAsync(page, "webhooks-keyboard");
    }

    [Fact]
    public async Task Who_may_not_manage_the_providers_webhooks_gets_403_on_its_pages()
    {
        var provider = await app.World.CreateProviderWorldAsync();
        var page = await app.SignInAsync(provider.SupportRole);
        var list = await page.GotoAsync($"/providers/{provider.Provider}/webhooks/");
        Assert.Equal(403, list!.Status);
        var log = await page.GotoAsync($"/providers/{provider.Provider}/webhooks/{Guid.NewGuid():N}/");
        Assert.Equal(403, log!.Status);
    }

    /// <summary>The log is read when the page loads: reloads until what the test waits for is there.</summary>
    private static Task ReloadUntilAsync(IPage page, ILocator shown, string what) =>
        Eventually.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await shown.CountAsync();
        }, count => count > 0, what);
}

using System.Net;
using ComplianceGrains.Tests.Support;
using Microsoft.Playwright;

namespace ComplianceGrains.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInPageTests(BrowserApp app)
{
    [Fact]
    public async Task A_wrong_password_is_refused_on_the_page_and_the_right_one_signs_in_with_the_keyboard()
    {
        var user = await app.World.CreateUserAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/compliance/");
        Assert.Contains("/signin", page.Url);

        await page.GetByLabel("Username").FillAsync(user.Username);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#signin-error")).ToHaveTextAsync("Invalid username or password.");

        await page.GetByLabel("Password").FillAsync(ApiWorldPasswords.Default);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.TrimEnd('/') == "/compliance");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My compliance" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "signin-my-compliance-empty");
    }

    [Fact]
    public async Task The_page_refuses_a_username_after_its_failed_attempts_while_the_api_and_other_users_still_sign_in()
    {
        var user = await app.World.CreateUserAsync();
        var other = await app.World.CreateUserAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/signin");
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await page.GetByLabel("Username").FillAsync(user.Username);
            await page.GetByLabel("Password").FillAsync("not-the-password");
            await page.GetByLabel("Password").PressAsync("Enter");
            await Assertions.Expect(page.Locator("#signin-error")).ToHaveTextAsync("Invalid username or password.");
        }

        // The eleventh attempt is refused even with the right password: the same per-username limit as the API's.
        await page.GetByLabel("Username").FillAsync(user.Username);
        await page.GetByLabel("Password").FillAsync(ApiWorldPasswords.Default);
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByLabel("Password").PressAsync("Enter"), response => response.Url.Contains("/signin") && response.Request.Method == "POST");
        Assert.Equal(429, refused.Status);
        await Assertions.Expect(page.Locator("#signin-error")).ToContainTextAsync("Too many failed sign-ins");
        var api = await page.APIRequest.PostAsync("/api-auth/password/",
            new() { DataObject = new { username = user.Username, password = ApiWorldPasswords.Default } });
        Assert.Equal(429, api.Status);
        await BrowserApp.ScreenshotAsync(page, "signin-throttled");
        var otherUser = await page.APIRequest.PostAsync("/api-auth/password/",
            new() { DataObject = new { username = other.Username, password = ApiWorldPasswords.Default } });
        Assert.Equal(200, otherUser.Status);
    }

    [Fact]
    public async Task The_session_cookie_does_not_authorise_the_api()
    {
        var user = await app.World.CreateUserAsync();
        var page = await app.SignInAsync(user);
        var fromPage = await page.APIRequest.GetAsync($"/api/users/{user.Id}/");
        Assert.Equal((int)HttpStatusCode.Unauthorized, fromPage.Status);
        var withToken = await user.Client.GetAsync($"/api/users/{user.Id}/");
        Assert.Equal(HttpStatusCode.OK, withToken.Status);
        await BrowserApp.ScreenshotAsync(page, "signin-cookie-not-for-api");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_revokes_its_token()
    {
        var user = await app.World.CreateUserAsync();
        var page = await app.SignInAsync(user);
        var cookies = await page.Context.CookiesAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/signin");

        // The old cookie, replayed, no longer opens a page: its token was revoked with the sign-out.
        var replay = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        await replay.AddCookiesAsync(cookies.Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        var replayed = await replay.NewPageAsync();
        await replayed.GotoAsync("/compliance/");
        Assert.Contains("/signin", replayed.Url);
        await BrowserApp.ScreenshotAsync(replayed, "signout-replayed-cookie");
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var user = await app.World.CreateUserAsync();
        var page = await app.SignInAsync(user);
        var response = await page.APIRequest.PostAsync("/signout", new() { Form = page.APIRequest.CreateFormData() });
        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "signout-without-antiforgery");
    }

    [Fact]
    public async Task The_start_page_sends_each_role_to_its_page()
    {
        var provider = await app.World.CreateProviderWorldAsync();
        var staff = await app.World.CreateUserAsync(staff: true);
        var plain = await app.World.CreateUserAsync();

        var ownerPage = await app.SignInAsync(provider.Owner);
        Assert.EndsWith($"/providers/{provider.Provider}/", ownerPage.Url);
        var staffPage = await app.SignInAsync(staff);
        Assert.EndsWith("/admin/checklists/", staffPage.Url);
        var plainPage = await app.SignInAsync(plain);
        Assert.EndsWith("/compliance/", plainPage.Url);

        await plainPage.GotoAsync("/admin/checklists/");
        await Assertions.Expect(plainPage.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await plainPage.GotoAsync($"/providers/{provider.Provider}/");
        await Assertions.Expect(plainPage.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(ownerPage, "start-provider-dashboard");
        await BrowserApp.ScreenshotAsync(plainPage, "start-plain-user-not-allowed");
    }
}

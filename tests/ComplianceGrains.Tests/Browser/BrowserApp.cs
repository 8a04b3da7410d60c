using ComplianceGrains.Silo;
using ComplianceGrains.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ComplianceGrains.Tests.Browser;

/// <summary>
/// The service on a real socket (Kestrel on a free port, embedded mode in memory) and Debian's Chromium driven by
/// Playwright, shared by the browser tests. Each test opens its own browser context (its own cookies).
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly KestrelFactory _factory;

    public BrowserApp() => _factory = new KestrelFactory(this);

    /// <summary>Settings and services of a fixture's own beyond the common ones.</summary>
    protected virtual void ConfigureHost(IWebHostBuilder builder)
    {
    }
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public ApiWorld World { get; private set; } = null!;

    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("COMPLIANCE_SCREENSHOTS") is { Length: > 0 } folder ? folder : "/tmp/compliance-screenshots";

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(FreePorts.Next());
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("localhost", "127.0.0.1").Replace("[::]", "127.0.0.1").TrimEnd('/');
        World = new ApiWorld(new HttpClient { BaseAddress = new Uri(BaseUrl) }, ApiFactory.AdminToken);
        // The first request of a page pays for its start-up; a test's timeouts are for what it checks.
        (await World.Http.GetAsync("/signin")).EnsureSuccessStatusCode();
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (no cookies) at the given width, its pages addressed relative to the service.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page, as a user would.</summary>
    public async Task<IPage> SignInAsync(TestUser user, int width = 1280)
    {
        var page = await NewPageAsync(width);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Username").FillAsync(user.Username);
        await page.GetByLabel("Password").FillAsync(ApiWorldPasswords.Default);
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == "/signin");
        if (answer.Status != 302)
            throw new InvalidOperationException($"Signing in {user.Username} answered {answer.Status}: {await answer.TextAsync()}");
        // The redirect's target is what a sign-in decides; each test waits for what it checks on that page.
        await page.WaitForURLAsync(url => !url.Contains("/signin"), new() { WaitUntil = WaitUntilState.Commit });
        return page;
    }

    /// <summary>Saves what the page shows at the end of a test, outside the repository.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed class KestrelFactory(BrowserApp app) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("COMPLIANCE_ADMIN_TOKEN", ApiFactory.AdminToken);
            builder.UseSetting(StorageMode.Key, StorageMode.Memory);
            // Every page of a test comes from the one loopback address.
            builder.UseSetting("SignIn:AttemptsPerAddress", "1000000");
            builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString());
            builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString());
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            app.ConfigureHost(builder);
        }
    }
}

public static class ApiWorldPasswords
{
    public const string Default = "secret-password";
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Processes;

/// <summary>The README's plain <c>dotnet run --project src/WebApi</c> serves the pages and their assets in Production.</summary>
[Collection(ProcessCollection.Name)]
public sealed class ProductionPagesTests
{
    [Fact]
    public async Task Pages_and_their_stylesheet_and_script_are_served_in_the_production_environment()
    {
        var port = FreePorts.Next();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        using var service = ServiceProcess.StartDotnet("webapi", Executables.RepositoryRoot, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Orleans__SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(),
            ["COMPLIANCE_ADMIN_TOKEN"] = "production-pages-test",
        }, "run", "--no-build", "-c", configuration, "--project", "src/WebApi", "--", "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await Poll.UntilAsync(async () => (await http.GetAsync("/health/live")).IsSuccessStatusCode, TimeSpan.FromSeconds(90),
            $"the front end to answer /health/live; its output: {service.RecentOutput()}");

        var start = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("/signin", start.Headers.Location!.PathAndQuery);
        var signIn = await http.GetAsync("/signin");
        Assert.Equal("text/html", signIn.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<form method=\"post\"", await signIn.Content.ReadAsStringAsync());
        var css = await http.GetAsync("/assets/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        var js = await http.GetAsync("/assets/site.js");
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        var missing = await http.GetAsync("/assets/missing.css");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType!.MediaType);
    }
}

using System.Net;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Observability;

public sealed class MetricsFixture : IDisposable
{
    public ObservabilityFactory Factory { get; } = new(("Metrics:AllowedNetworks", "10.0.0.0/8, 2001:db8::/32"));

    public void Dispose() => Factory.Dispose();
}

/// <summary>
/// /metrics of the front end (embedded mode): the Prometheus text format, the business counters moving with what users
/// do, and who may read it.
/// </summary>
public sealed class MetricsEndpointTests(MetricsFixture fixture) : IClassFixture<MetricsFixture>
{
    private readonly ApiWorld _world = new(fixture.Factory.CreateClient(), ApiFactory.AdminToken);

    private async Task<PrometheusText> ScrapeAsync(ApiClient? client = null)
    {
        fixture.Factory.RemoteAddress = IPAddress.Loopback;
        var response = (await (client ?? _world.Anonymous).GetAsync("/metrics")).Expect(HttpStatusCode.OK);
        Assert.StartsWith("text/plain; version=0.0.4", response.Header("Content-Type"));
        return new PrometheusText(response.Body);
    }

    [Fact]
    public async Task The_scrape_is_valid_Prometheus_text_and_the_submission_counters_move_with_submissions()
    {
        var world = await _world.CreateOfferingUserWorldAsync(
            new { description = "Trained?", question_type = "boolean", required = true });
        var before = await ScrapeAsync();

        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], "not a boolean"))).Expect(HttpStatusCode.BadRequest);
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], true))).Expect(HttpStatusCode.OK);
        (await ApiWorld.SubmitAsync(world.User.Client, world.OfferingUser, (world.Questions[0], null))).Expect(HttpStatusCode.OK);
        var after = await ScrapeAsync();

        var remarks = await after.LintAsync();
        Assert.DoesNotContain(remarks, remark => remark.StartsWith("compliance_"));
        Assert.True(Delta("compliance_submissions_total", ("outcome", "accepted")) >= 2, after.Text);
        Assert.True(Delta("compliance_submissions_total", ("outcome", "rejected")) >= 1);
        Assert.True(Delta("compliance_validation_failures_total", ("type", "boolean")) >= 1);
        Assert.True(Delta("compliance_completions_total", ("transition", "completed")) >= 1);
        Assert.True(Delta("compliance_completions_total", ("transition", "reopened")) >= 1);
        // ASP.NET Core's and Orleans' meters belong to their host's meter factory: with several test hosts in one process a
        // scrape may not show them, so the process tests (ClusterObservabilityTests) check those on real processes.
        Assert.Contains("# TYPE dotnet_gc_collections_total counter", after.Text);

        double Delta(string name, params (string, string)[] labels) => after.Value(name, labels) - before.Value(name, labels);
    }

    [Fact]
    public async Task A_lifecycle_job_counts_its_batches()
    {
        var customer = await _world.CreateCustomerAsync();
        await _world.CreateProviderAsync(customer);
        var offering = await _world.CreateOfferingAsync(customer);
        await _world.CreateOfferingUserAsync(offering, await _world.CreateUserRecordAsync());
        var (checklist, _) = await _world.CreateChecklistWithQuestionsAsync(new { description = "Agree", question_type = "boolean", required = true });
        var before = await ScrapeAsync();

        await _world.UpdateChecklistAsync(offering, checklist);
        await _world.WaitForSyncIdleAsync(offering);

        var after = await ScrapeAsync();
        Assert.True(after.Value("compliance_lifecycle_batches_total") > before.Value("compliance_lifecycle_batches_total"), after.Text);
        Assert.Contains("compliance_lifecycle_pending", after.Text);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.20.30.40")]
    [InlineData("2001:db8::7")]
    public async Task Loopback_and_the_allowed_networks_scrape_without_a_token(string address)
    {
        fixture.Factory.RemoteAddress = IPAddress.Parse(address);
        (await _world.Anonymous.GetAsync("/metrics")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task From_elsewhere_only_staff_tokens_scrape()
    {
        var user = await _world.CreateUserAsync();
        var staff = await _world.CreateUserAsync(staff: true);
        fixture.Factory.RemoteAddress = IPAddress.Parse("203.0.113.9");

        var anonymous = (await _world.Anonymous.GetAsync("/metrics")).Expect(HttpStatusCode.Unauthorized);
        Assert.Equal("Authentication credentials were not provided.", anonymous["detail"]);
        Assert.Equal("Invalid token.", (await _world.As("no-such-token").GetAsync("/metrics")).Expect(HttpStatusCode.Unauthorized)["detail"]);
        (await user.Client.GetAsync("/metrics")).Expect(HttpStatusCode.Forbidden);
        var scrape = (await staff.Client.GetAsync("/metrics")).Expect(HttpStatusCode.OK);
        Assert.Contains("# TYPE", scrape.Body);
    }
}

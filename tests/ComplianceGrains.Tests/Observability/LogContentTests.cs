using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ComplianceGrains.Tests.Processes;
using ComplianceGrains.Tests.Support;
using Xunit.Abstractions;

namespace ComplianceGrains.Tests.Observability;

/// <summary>
/// The log of a whole user flow, as the front end writes it with Logging:Console:FormatterName=json: one JSON object
/// per line, the request's trace id on its lines (the caller's traceparent honoured), and no answer, password or token.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class LogContentTests(ITestOutputHelper output)
{
    private const string AdminToken = "log-test-admin-token";

    [Fact]
    public async Task A_whole_flow_logs_JSON_lines_with_trace_ids_and_no_answers_passwords_or_tokens()
    {
        var port = FreePorts.Next();
        using var process = ServiceProcess.Start("front end", Executables.WebApi, new Dictionary<string, string?>
        {
            ["COMPLIANCE_ADMIN_TOKEN"] = AdminToken,
            ["Storage__Mode"] = "Memory",
            ["Orleans__SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(),
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
            ["Logging__LogLevel__Orleans"] = "Information",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
        }, keptLines: 100_000, "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await Poll.UntilAsync(async () => !process.HasExited && (await http.GetAsync("/health/ready")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), "the front end to be ready");
        var world = new ApiWorld(http, AdminToken);
        var secret = $"secret-answer-{Guid.NewGuid():N}";
        var refused = $"refused-answer-{Guid.NewGuid():N}";
        var flow = await world.CreateOfferingUserWorldAsync(
            new { description = "Your motto", question_type = "text_input", required = true },
            new { description = "Agree", question_type = "boolean", required = true });
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        (await ApiWorld.SubmitAsync(flow.User.Client, flow.OfferingUser, (flow.Questions[1], refused))).Expect(HttpStatusCode.BadRequest);
        using (var submission = new HttpRequestMessage(HttpMethod.Post, flow.Path("submit_answers")))
        {
            submission.Content = new StringContent(JsonSerializer.Serialize(new[]
            {
                new Dictionary<string, object> { ["question_uuid"] = flow.Questions[0], ["answer_data"] = secret },
                new Dictionary<string, object> { ["question_uuid"] = flow.Questions[1], ["answer_data"] = true },
            }), System.Text.Encoding.UTF8, "application/json");
            submission.Headers.Authorization = new("Token", flow.User.Client.Token);
            submission.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(submission)).StatusCode);
        }
        (await flow.User.Client.GetAsync(flow.Path("history"))).Expect(HttpStatusCode.OK);
        (await world.Admin.GetAsync($"/api/marketplace-service-providers/{flow.Provider.Provider}/compliance/export/?format=csv")).Expect(HttpStatusCode.OK);
        await process.StopAsync(TimeSpan.FromSeconds(20));

        var lines = process.RecentOutput().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        output.WriteLine($"{lines.Length} log lines");
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var requestEntries = entries.Where(entry => Scope(entry, "RequestPath") is not null).ToList();
        Assert.NotEmpty(requestEntries);
        Assert.All(requestEntries, entry => Assert.Matches("^[0-9a-f]{32}$", Scope(entry, "TraceId")));
        Assert.Contains(requestEntries, entry => Scope(entry, "TraceId") == traceId && Scope(entry, "RequestPath")!.EndsWith("/submit_answers/"));
        foreach (var forbidden in new[] { secret, refused, "secret-password", AdminToken, flow.User.Client.Token! })
            Assert.DoesNotContain(lines, line => line.Contains(forbidden, StringComparison.Ordinal));
    }

    private static string? Scope(JsonElement entry, string name)
    {
        if (!entry.TryGetProperty("Scopes", out var scopes)) return null;
        foreach (var scope in scopes.EnumerateArray())
            if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty(name, out var value))
                return value.ToString();
        return null;
    }
}

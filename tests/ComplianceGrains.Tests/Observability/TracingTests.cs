using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ComplianceGrains.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace ComplianceGrains.Tests.Observability;

/// <summary>
/// Traces leave the process over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set; then a request's spans, from
/// ASP.NET Core through the grain calls, arrive at the collector under the caller's trace id.
/// </summary>
public sealed class TracingTests
{
    [Fact]
    public void Without_an_OTLP_endpoint_nothing_records_traces()
    {
        using var factory = new ObservabilityFactory();
        factory.CreateClient();

        Assert.Null(factory.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_an_OTLP_http_endpoint_a_request_and_its_grain_calls_arrive_under_the_callers_trace_id()
    {
        await using var collector = await OtlpCollector.StartAsync();
        using var factory = new ObservabilityFactory(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Url),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_BSP_SCHEDULE_DELAY", "200"));
        var world = new ApiWorld(factory.CreateClient(), ApiFactory.AdminToken);
        var offeringUser = await world.CreateOfferingUserWorldAsync(new { description = "Agree", question_type = "boolean", required = true });
        var traceId = ActivityTraceId.CreateRandom();

        using var request = new HttpRequestMessage(HttpMethod.Post, offeringUser.Path("submit_answers"))
        {
            Content = JsonContent($$"""[{"question_uuid": "{{offeringUser.Questions[0]}}", "answer_data": true}]"""),
        };
        request.Headers.Authorization = new("Token", offeringUser.User.Client.Token);
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.OK, (await world.Http.SendAsync(request)).StatusCode);

        var traceIdBytes = Convert.FromHexString(traceId.ToHexString());
        // Spans of one trace may leave in different exports; each export that carries the trace id is searched.
        await Eventually.UntilAsync(
            () => Task.FromResult(collector.Traces.Where(body => body.AsSpan().IndexOf(traceIdBytes) >= 0).ToList()),
            bodies => bodies.Any(body => Contains(body, "Microsoft.AspNetCore") && Contains(body, "submit_answers"))
                && bodies.Any(body => Contains(body, "Microsoft.Orleans") && Contains(body, "IOfferingUserGrain") && Contains(body, "SubmitAnswers")),
            "spans of the submission from ASP.NET Core and from the offering user's grain call", TimeSpan.FromSeconds(30));
        Assert.All(collector.Paths, path => Assert.StartsWith("/v1/", path));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;

    /// <summary>An OTLP/http receiver: keeps the body of every export of traces.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private OtlpCollector(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public string Url { get; }

        public ConcurrentQueue<byte[]> Traces { get; } = new();

        public ConcurrentQueue<string> Paths { get; } = new();

        public static async Task<OtlpCollector> StartAsync()
        {
            var url = $"http://127.0.0.1:{FreePorts.Next()}";
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(url);
            var app = builder.Build();
            var collector = new OtlpCollector(app, url);
            app.MapPost("/{**signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector.Paths.Enqueue(context.Request.Path);
                if (context.Request.Path == "/v1/traces") collector.Traces.Enqueue(body.ToArray());
                context.Response.ContentType = "application/x-protobuf";
            });
            await app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}

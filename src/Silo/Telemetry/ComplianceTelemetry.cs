using ComplianceGrains.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ComplianceGrains.Silo.Telemetry;

/// <summary>
/// OpenTelemetry of the front end and the silos, one setup for both: metrics of ASP.NET Core, the .NET runtime,
/// Orleans, Npgsql and the <see cref="ComplianceMetrics"/> meter, scraped at <c>/metrics</c>; traces from ASP.NET Core
/// through grain calls to Npgsql. Both are exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the
/// exporter itself reads it and <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>). <c>Telemetry:Enabled=false</c> turns all of it off.
/// </summary>
public static class ComplianceTelemetry
{
    public const string MetricsPath = "/metrics";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];
    private const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// <c>Metrics:Port</c>: the port of a standalone silo's <c>/metrics</c> listener; 9464 is OpenTelemetry's port for
    /// Prometheus exporters (9090 is Prometheus' own). <c>scripts/cluster.sh</c> gives silo <i>i</i> 9464 + <i>i</i>.
    /// </summary>
    public static int SiloMetricsPort(IConfiguration configuration) => configuration.GetValue("Metrics:Port", 9464);

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Telemetry:Enabled", true);

    /// <summary>Traces are recorded only to be exported: without an endpoint nothing would read them.</summary>
    public static bool ExportsOtlp(IConfiguration configuration) => IsEnabled(configuration) && !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);

    /// <param name="serviceName">The <c>service.name</c> resource attribute (<c>OTEL_SERVICE_NAME</c> takes precedence).</param>
    public static IServiceCollection AddComplianceTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        if (!IsEnabled(configuration)) return services;
        var otlp = ExportsOtlp(configuration);
        services.AddSingleton(MetricsAccessRules.From(configuration));
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName).AddEnvironmentVariableDetector())
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ComplianceMetrics.MeterName, OrleansMeter)
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    // Every scrape reads the current values: Prometheus scrapes seldom, and a test reads its own change at once.
                    .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp) metrics.AddOtlpExporter();
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(OrleansActivitySources)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsScrape(context))
                .AddNpgsql()
                .AddOtlpExporter());
        }
        return services;
    }

    /// <summary>
    /// <c>/metrics</c> in the Prometheus text format, behind <see cref="MetricsAccess"/>. Goes before routing, so that
    /// a scrape costs no more than it must.
    /// </summary>
    public static IApplicationBuilder UseComplianceMetrics(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (!IsEnabled(configuration)) return app;
        app.UseWhen(IsScrape, scrape => scrape.UseMiddleware<MetricsAccess>());
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(IsScrape);
    }

    private static bool IsScrape(HttpContext context) => context.Request.Path == MetricsPath;
}

using ComplianceGrains.Silo;
using ComplianceGrains.Silo.Sqlite;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Endpoints;
using ComplianceGrains.WebApi.Hosting;
using ComplianceGrains.WebApi.Infrastructure;
using ComplianceGrains.Silo.Telemetry;
using ComplianceGrains.WebApi.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(StorageMode.ExpandSwitches(args));
try
{
    builder.AddComplianceOrleans();
}
catch (DataDirectoryInUseException e)
{
    Console.Error.WriteLine(e.Message);
    return DataDirectoryInUseException.ExitCode;
}
builder.Services.AddComplianceTelemetry(builder.Configuration, "compliance-api");

builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddProblemDetails();
builder.Services.AddTokenAuthenticator();
builder.Services
    .AddAuthentication(TokenAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorizationBuilder().AddStaffPolicy();
builder.Services.AddSignInRateLimiting(builder.Configuration);
builder.Services.AddComplianceOpenApi();
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
builder.Services.AddHostedService<AdminBootstrapper>();
builder.Services.AddHostedService<StartupBanner>();
var limits = builder.Configuration.GetSection(ApiLimits.Section).Get<ApiLimits>() ?? new ApiLimits();
builder.Services.AddSingleton(limits);
builder.Services.AddComplianceWebPages(limits);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);

var app = builder.Build();
app.UseExceptionHandler();
app.UseJsonStatusCodeBodies();
app.UseWebPageStatusPages();
app.UseWebPageAssets();
app.UseComplianceSwaggerUi();
app.UseOptionalTrailingSlash();
app.UseRequestTextRejection();
app.UseComplianceMetrics(app.Configuration);
app.UseRouting();
app.UseAuthentication();
app.UseInvalidTokenRejection();
app.UseAuthorization();
app.UseRateLimiter();

app.MapComplianceSwaggerDocument();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapAuthEndpoints();
app.MapUsersEndpoints();
app.MapCustomersEndpoints();
app.MapServiceProvidersEndpoints();
app.MapProviderOfferingsEndpoints().MapOfferingComplianceEndpoints();
app.MapPublicOfferingsEndpoints();
app.MapOfferingUsersEndpoints().MapReviewEndpoints().MapOfferingUserComplianceEndpoints();
app.MapProviderComplianceEndpoints();
app.MapWebhookEndpoints();
app.MapCompletionsEndpoints();
app.MapChecklistEndpoints();
app.MapDependencyEndpoints();
app.MapComplianceWebPages();
app.MapComplianceDashboard();

app.Run();
return 0;

/// <summary>The entry point, visible to the HTTP tests.</summary>
public partial class Program;

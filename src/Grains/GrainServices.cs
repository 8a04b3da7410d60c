using ComplianceGrains.Catalog;
using ComplianceGrains.Compliance;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Projections;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Polly;

namespace ComplianceGrains;

public static class GrainServices
{
    /// <summary>The services the grains need, with the in-memory projection and history of embedded mode.</summary>
    public static IServiceCollection AddComplianceGrainServices(this IServiceCollection services)
    {
        // The one clock of every time-dependent rule; tests replace it with a fake one.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPasswordHasher<string>, PasswordHasher<string>>();
        services.AddSingleton<ChecklistDefinitionCache>();
        services.AddSingleton<IComplianceProjection, InMemoryComplianceProjection>();
        services.AddSingleton<IAnswerHistoryStore, InMemoryAnswerHistoryStore>();
        services.AddSingleton<SnapshotPublisher>();
        services.AddSingleton<IComplianceEventStore, InMemoryComplianceEventStore>();
        services.AddSingleton<OutboxConsumers>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<ComplianceMailer>();
        // Polly bounds one attempt and retries network errors briefly; the 24-hour schedule is durable, in WebhookGrain.
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(WebhookSender.ClientName, (pipeline, context) =>
            {
                var webhooks = context.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhookOptions>>().Value;
                pipeline.AddRetry(new Microsoft.Extensions.Http.Resilience.HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromMilliseconds(200),
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException),
                });
                pipeline.AddTimeout(webhooks.AttemptTimeout);
            });
        services.AddSingleton<ICatalogStore, InMemoryCatalogStore>();
        services.AddSingleton<IOfferingMemberStore, InMemoryOfferingMemberStore>();
        services.AddSingleton<IFileStore, InMemoryFileStore>();
        services.AddSingleton<LibMagicMimeSniffer>();
        return services;
    }
}

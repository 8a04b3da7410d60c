using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ComplianceGrains.Domain;
using Microsoft.Extensions.Options;

namespace ComplianceGrains.Compliance;

/// <summary>The outcome of one delivery attempt: a status code, or null with the network error.</summary>
public sealed record WebhookAttemptOutcome(int? StatusCode, long DurationMs, string? Error)
{
    public bool Delivered => StatusCode is >= 200 and < 300;
}

/// <summary>
/// Sends one signed webhook request through the <c>webhooks</c> client of <see cref="IHttpClientFactory"/> (its
/// resilience pipeline bounds an attempt and retries network errors briefly; the long schedule is the grain's), after
/// checking where the URL's name resolves now.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options)
{
    public const string ClientName = "webhooks";

    /// <summary>Why the target is refused, or null. Names are resolved, so a name that points inward is refused too.</summary>
    public async Task<string?> TargetProblemAsync(string url, CancellationToken cancellationToken = default)
    {
        if (WebhookTargetRules.UrlProblem(url) is { } problem) return problem;
        if (options.Value.AllowPrivateTargets) return null;
        var host = new Uri(url).IdnHost;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return "The target's host name cannot be resolved.";
        }
        return addresses.Length == 0 || addresses.Any(WebhookTargetRules.IsPrivate)
            ? "Targets on loopback, link-local or private networks are not allowed."
            : null;
    }

    public async Task<WebhookAttemptOutcome> SendAsync(string url, string secret, string webhookId, long timestamp, string body)
    {
        var watch = Stopwatch.StartNew();
        if (await TargetProblemAsync(url) is { } refused) return new WebhookAttemptOutcome(null, 0, refused);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, webhookId, timestamp, body));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request);
            return new WebhookAttemptOutcome((int)response.StatusCode, watch.ElapsedMilliseconds, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            return new WebhookAttemptOutcome(null, watch.ElapsedMilliseconds, e.Message);
        }
    }
}

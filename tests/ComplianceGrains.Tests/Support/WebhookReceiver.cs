using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplianceGrains.Tests.Support;

/// <summary>
/// One request the receiver got, with the status it answered (<see cref="Unanswered"/> when the sender closed the
/// connection first) and the sender's port, which names the process that sent it.
/// </summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, int AnsweredWith, int SenderPort = 0)
{
    public const int Unanswered = 0;

    public bool Acknowledged => AnsweredWith is >= 200 and < 300;

    /// <summary>Checks the Standard Webhooks signature the way a receiver does, independently of the service's code.</summary>
    public bool HasValidSignature(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
        return Signature.Split(' ').Contains(expected);
    }
}

/// <summary>
/// A real HTTP receiver on Kestrel (127.0.0.1, a free port) that answers scripted statuses, then 200; while it holds,
/// requests wait unanswered until it is released or their sender goes away.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script = new();
    private readonly List<ReceivedWebhook> _received = [];
    private readonly List<ReceivedWebhook> _arrived = [];
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource? _hold;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_received) return _received.ToList();
        }
    }

    /// <summary>Every request as it arrived, also those still held (their <see cref="ReceivedWebhook.AnsweredWith"/> is unanswered).</summary>
    public IReadOnlyList<ReceivedWebhook> Arrived
    {
        get
        {
            lock (_received) return _arrived.ToList();
        }
    }

    /// <summary>From now on requests are held without an answer until <see cref="Release"/>.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Held requests whose sender is still there, and all later ones, are answered again.</summary>
    public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    /// <summary>The next requests are answered with these statuses, in order.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses) _script.Enqueue(status);
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{FreePorts.Next()}");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = new ReceivedWebhook(
                context.Request.Headers["webhook-id"].ToString(), context.Request.Headers["webhook-timestamp"].ToString(),
                context.Request.Headers["webhook-signature"].ToString(), body, ReceivedWebhook.Unanswered, context.Connection.RemotePort);
            lock (receiver._received) receiver._arrived.Add(request);
            if (receiver._hold is { } hold)
            {
                using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, receiver._stopping.Token);
                await Task.WhenAny(hold.Task, Task.Delay(Timeout.Infinite, gone.Token));
                if (gone.IsCancellationRequested)
                {
                    lock (receiver._received) receiver._received.Add(request);
                    return Results.Empty;
                }
            }
            var status = receiver._script.TryDequeue(out var scripted) ? scripted : 200;
            lock (receiver._received) receiver._received.Add(request with { AnsweredWith = status });
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = $"{address}/hook";
        return receiver;
    }

    public Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count) =>
        Eventually.UntilAsync(() => Task.FromResult(Received), r => r.Count >= count, $"{count} webhook requests");

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}

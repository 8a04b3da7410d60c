using System.Diagnostics;
using System.Net;
using ComplianceGrains.Tests.Support;
using Xunit.Abstractions;

namespace ComplianceGrains.Tests.Processes;

/// <summary>
/// The real front-end executable in embedded mode (its default storage, SQLite) on a data directory, on free ports.
/// </summary>
public sealed class EmbeddedProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly ITestOutputHelper _output;

    private EmbeddedProcess(ServiceProcess process, Uri address, ITestOutputHelper output)
    {
        Process = process;
        Address = address;
        _output = output;
        Http = NewHttpClient(TimeSpan.FromSeconds(30));
    }

    public ServiceProcess Process { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public HttpClient NewHttpClient(TimeSpan timeout) => new() { BaseAddress = Address, Timeout = timeout };

    /// <summary>Starts the executable; <paramref name="adminToken"/> null leaves <c>COMPLIANCE_ADMIN_TOKEN</c> unset.</summary>
    public static ServiceProcess Launch(string dataDirectory, string? adminToken, Uri address) =>
        ServiceProcess.Start("embedded", Executables.WebApi, new Dictionary<string, string?>
        {
            ["COMPLIANCE_DATA_DIR"] = dataDirectory,
            ["COMPLIANCE_ADMIN_TOKEN"] = adminToken,
            ["Hosting__Mode"] = null,
            ["Storage__Mode"] = null,
            ["Orleans__SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(),
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        }, "--urls", address.ToString());

    /// <summary>Starts the executable and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<EmbeddedProcess> StartAsync(string dataDirectory, string? adminToken, ITestOutputHelper output)
    {
        var clock = Stopwatch.StartNew();
        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var embedded = new EmbeddedProcess(Launch(dataDirectory, adminToken, address), address, output);
        try
        {
            await Poll.UntilAsync(async () =>
            {
                if (embedded.Process.HasExited) throw new InvalidOperationException($"exited: {embedded.Process.RecentOutput()}");
                return (await embedded.Http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
            }, ReadyTimeout, "the embedded service to be ready");
        }
        catch
        {
            output.WriteLine(embedded.Process.RecentOutput());
            await embedded.DisposeAsync();
            throw;
        }
        output.WriteLine($"embedded service ready in {clock.Elapsed.TotalSeconds:F1} s");
        return embedded;
    }

    public ApiWorld World(string adminToken) => new(Http, adminToken);

    /// <summary>SIGTERM and wait, as a service manager stops it.</summary>
    public Task StopAsync() => Process.StopAsync(TimeSpan.FromSeconds(30));

    public ValueTask DisposeAsync()
    {
        _output.WriteLine(Process.RecentOutput());
        Process.Dispose();
        Http.Dispose();
        return ValueTask.CompletedTask;
    }
}

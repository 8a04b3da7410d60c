using ComplianceGrains.Bench.Http;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench.Hosting;

/// <summary>
/// The conventional implementation of <c>submit_answers/</c> (bench/ReferenceServer) started on a free port against
/// the same PostgreSQL server, loaded with the same world and the same staff token as the service.
/// </summary>
public sealed class ReferenceServer : IAsyncDisposable
{
    private readonly ServerProcess process;

    private ReferenceServer(ServerProcess process, ApiClient api)
    {
        this.process = process;
        Api = api;
    }

    public ApiClient Api { get; }

    public static async Task<ReferenceServer> StartAsync(string postgres, string token, SeededWorld world, int concurrency, string logs)
    {
        var url = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var process = ServerProcess.Start(RepositoryPaths.ReferenceServerDll, ["--urls", url.ToString()],
            new Dictionary<string, string> { ["ConnectionStrings__Reference"] = postgres }, Path.Combine(logs, "reference.log"));
        var api = new ApiClient(url, token, concurrency);
        var server = new ReferenceServer(process, api);
        try
        {
            await ServerLauncher.WaitAsync(url, "/health/live", [process]);
            await api.PostJsonAsync("/reference/world/", new
            {
                token,
                provider = Guid.Parse(world.Provider.Provider),
                checklists = world.Offerings.Select(o => o.Checklist).OfType<SeededChecklist>().DistinctBy(c => c.Id).Select(c => new
                {
                    id = Guid.Parse(c.Id),
                    questions = c.Questions.Select(q => new { id = Guid.Parse(q.Id), type = q.Type, option_ids = q.OptionIds.Select(Guid.Parse) }),
                }),
                offerings = world.Offerings.Select(o => new { id = Guid.Parse(o.Id), checklist = o.Checklist is { } c ? Guid.Parse(c.Id) : (Guid?)null }),
                offering_users = world.Users.Select(u => new { id = Guid.Parse(u.Id), offering = Guid.Parse(u.Offering.Id) }),
            });
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await process.DisposeAsync();
    }
}

using ComplianceGrains.Bench.Http;

namespace ComplianceGrains.Bench.Seeding;

/// <summary>Creates the objects a scenario needs through the public HTTP API, with names unique to this run.</summary>
public sealed class WorldSeeder(ApiClient api)
{
    /// <summary>Checklist sizes used in rotation by <see cref="SeedWorldAsync"/> (5–20 questions).</summary>
    private static readonly int[] ChecklistSizes = [5, 10, 15, 20];

    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private int sequence;

    private string Unique(string prefix) => $"{prefix}-{run}-{Interlocked.Increment(ref sequence)}";

    /// <summary>A provider with <paramref name="offerings"/> offerings, each with a checklist, and <paramref name="users"/> offering users spread over them.</summary>
    public async Task<SeededWorld> SeedWorldAsync(int users, int offerings = 4)
    {
        var provider = await CreateProviderAsync();
        var seeded = new List<SeededOffering>();
        for (var i = 0; i < offerings; i++)
        {
            var checklist = await CreateChecklistAsync(ChecklistSizes[i % ChecklistSizes.Length]);
            seeded.Add(await CreateOfferingAsync(provider, checklist));
        }
        var members = await AddOfferingUsersAsync(i => seeded[i % seeded.Count], users);
        return new SeededWorld(provider, seeded, members);
    }

    public async Task<SeededProvider> CreateProviderAsync()
    {
        var customer = (await api.PostJsonAsync("/api/customers/", new { name = Unique("bench-customer") })).Uuid();
        var provider = (await api.PostJsonAsync("/api/marketplace-service-providers/", new { customer })).Uuid();
        return new SeededProvider(customer, provider);
    }

    public async Task<SeededChecklist> CreateChecklistAsync(int questions)
    {
        var id = (await api.PostJsonAsync("/api/checklists-admin/", new { name = Unique("bench-checklist"), description = "benchmark" })).Uuid();
        var created = new List<SeededQuestion>();
        for (var i = 0; i < questions; i++)
        {
            var question = (await api.PostJsonAsync("/api/checklists-admin-questions/", QuestionMix.Body(id, i))).Uuid();
            var options = new List<string>();
            if (QuestionMix.TypeAt(i) == QuestionMix.SingleSelect)
            {
                for (var o = 0; o < QuestionMix.OptionsPerSelect; o++)
                    options.Add((await api.PostJsonAsync("/api/checklists-admin-question-options/", new { question, label = $"Option {o + 1}", order = o })).Uuid());
            }
            created.Add(new SeededQuestion(question, QuestionMix.TypeAt(i), options));
        }
        return new SeededChecklist(id, created);
    }

    public async Task<SeededOffering> CreateOfferingAsync(SeededProvider provider, SeededChecklist? checklist)
    {
        var offering = await api.PostJsonAsync("/api/marketplace-provider-offerings/", new
        {
            name = Unique("bench-offering"),
            customer = provider.Customer,
            compliance_checklist = checklist?.Id,
        });
        return new SeededOffering(offering.Uuid(), checklist);
    }

    /// <summary>Creates users without a password (no slow hashing) and makes each an offering user, 32 in flight.</summary>
    public async Task<IReadOnlyList<SeededOfferingUser>> AddOfferingUsersAsync(Func<int, SeededOffering> offeringOf, int count)
    {
        return await BoundedParallel.RunAsync("offering users", count, async i =>
        {
            var username = Unique("bench");
            var user = (await api.PostJsonAsync("/api/users/", new
            {
                username,
                full_name = $"Bench User {username}",
                email = $"{username}@example.com",
            })).Uuid();
            var offering = offeringOf(i);
            var offeringUser = (await api.PostJsonAsync("/api/marketplace-offering-users/", new { offering = offering.Id, user })).Uuid();
            return new SeededOfferingUser(offeringUser, offering);
        });
    }
}

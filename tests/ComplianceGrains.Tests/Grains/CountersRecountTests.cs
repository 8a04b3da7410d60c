using ComplianceGrains.Compliance;
using ComplianceGrains.Errors;
using ComplianceGrains.Tests.Support;
using Xunit.Abstractions;

namespace ComplianceGrains.Tests.Grains;

/// <summary>
/// BEHAVIOUR.md §7: after any sequence of operations the provider's counters equal a recount from the offering
/// users' own completions. A seeded random sequence of submissions, deletions, checklist changes and edits and grain
/// deactivations is replayed; the seed is in every failure message.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CountersRecountTests(TestClusterFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Operations = 150;
    private GrainWorld _world = null!;

    public async Task InitializeAsync() => _world = await new GrainWorld(fixture.Grains).InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<int> Seeds => new() { 20240515, 7 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public Task Overview_equals_a_recount_after_a_random_sequence_of_operations(int seed) => ReplayAsync(seed, burst: 1);

    /// <summary>The same, with operations started in bursts of six that run at the same time.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public Task Overview_equals_a_recount_after_random_concurrent_operations(int seed) => ReplayAsync(seed, burst: 6);

    private async Task ReplayAsync(int seed, int burst)
    {
        var run = new Run(_world, fixture, seed, concurrent: burst > 1);
        await run.SetUpAsync();
        var log = new List<string>();
        try
        {
            for (var i = 0; i < Operations; i += burst)
                log.AddRange(await Task.WhenAll(Enumerable.Range(0, Math.Min(burst, Operations - i)).Select(_ => run.StepAsync())));
            var skipped = log.Count(l => l.StartsWith("skipped"));
            output.WriteLine($"{skipped} of {log.Count} operations skipped");
            // Mostly real work, or the replay proves little.
            Assert.True(skipped < Operations / 4, $"{skipped} operations skipped");
            await run.AssertCountersEqualRecountAsync();
        }
        catch (Exception e)
        {
            output.WriteLine(string.Join(Environment.NewLine, log));
            throw new Xunit.Sdk.XunitException($"Seed {seed}, burst {burst}, after {log.Count} operations: {e.Message}");
        }
    }

    /// <summary>
    /// One replay: the objects it created and what it knows of them. When operations run concurrently, one may find
    /// its offering user deleted or its checklist changed by another: those outcomes are legitimate and skipped.
    /// </summary>
    private sealed class Run(GrainWorld world, TestClusterFixture fixture, int seed, bool concurrent)
    {
        private readonly Lock _lock = new();
        private readonly Random _random = new(seed);
        private readonly List<Guid> _offerings = [];
        private readonly List<Guid> _checklists = [];
        private readonly Dictionary<Guid, Guid> _offeringUsers = [];
        private Guid _provider;

        public async Task SetUpAsync()
        {
            (var customer, _provider) = await world.ProviderAsync();
            for (var i = 0; i < 3; i++)
                _checklists.Add(await world.ChecklistAsync(GrainWorld.Boolean(order: 0), GrainWorld.Boolean(order: 1), GrainWorld.Text(order: 2)));
            _offerings.Add(await world.OfferingAsync(customer, _checklists[0], "b-offering"));
            _offerings.Add(await world.OfferingAsync(customer, _checklists[1], "a-offering"));
            _offerings.Add(await world.OfferingAsync(customer, null, "c-offering"));
        }

        private int Next(int max)
        {
            lock (_lock) return _random.Next(max);
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

        /// <summary>A live offering user; none left (all deleted by concurrent operations) is reported as not found.</summary>
        private Guid PickOfferingUser()
        {
            lock (_lock)
                return _offeringUsers.Count == 0 ? throw new NotFoundException() : _offeringUsers.Keys.ElementAt(_random.Next(_offeringUsers.Count));
        }

        public async Task<string> StepAsync()
        {
            try
            {
                return await OperationAsync();
            }
            catch (Exception e) when (concurrent && e is NotFoundException or ValidationException)
            {
                return $"skipped: {e.Message}";
            }
        }

        private async Task<string> OperationAsync()
        {
            var roll = Next(100);
            int users;
            lock (_lock) users = _offeringUsers.Count;
            if (users < 3 || roll < 25) return await CreateOfferingUserAsync();
            if (roll < 55) return await SubmitAsync();
            if (roll < 63) return await DeleteOfferingUserAsync();
            if (roll < 73) return await ChangeChecklistAsync();
            if (roll < 80) return await AddRequiredQuestionAsync();
            if (roll < 86) return await RemoveQuestionAsync();
            return await DeactivateAsync();
        }

        private async Task<string> CreateOfferingUserAsync()
        {
            var offering = Pick(_offerings);
            var id = await world.OfferingUserAsync(offering);
            lock (_lock) _offeringUsers[id] = offering;
            return $"create {id:N} on {offering:N}";
        }

        private async Task<string> SubmitAsync()
        {
            var id = PickOfferingUser();
            var grain = world.OfferingUser(id);
            Guid offering;
            lock (_lock)
                if (!_offeringUsers.TryGetValue(id, out offering)) throw new NotFoundException();
            var target = await world.Offering(offering).GetComplianceTargetAsync();
            if (target.ChecklistId is not { } checklist)
            {
                if (concurrent) return $"skipped: submit {id:N}, no checklist";
                await Assert.ThrowsAsync<ValidationException>(() => grain.GetCompletionStatusAsync(world.Staff));
                return $"submit {id:N}: no checklist";
            }
            var questions = await world.Checklist(checklist).GetQuestionsAsync(world.Staff);
            // Concurrent removals may have left the checklist empty.
            if (questions.Count == 0) return $"skipped: submit {id:N}, no questions";
            var kind = Next(3);
            var one = Pick(questions);
            IReadOnlyList<SubmittedAnswer> items = kind switch
            {
                0 => questions.Select(q => new SubmittedAnswer(q.Id, Answer(q.Definition.QuestionType), null)).ToList(),
                1 => [new SubmittedAnswer(one.Id, Answer(one.Definition.QuestionType), null)],
                _ => [new SubmittedAnswer(one.Id, "null", null)],
            };
            var result = await grain.SubmitAnswersAsync(world.Staff, items);
            // Concurrently, a question may have been removed from the checklist in the meantime.
            Assert.True(concurrent || result.Errors is null, $"submission to {id:N} rejected");
            return $"submit {id:N} ({(kind == 0 ? "complete" : kind == 1 ? "one answer" : "remove")})";
        }

        private static string Answer(string type) => type == Checklists.QuestionTypes.Boolean ? "true" : "\"text\"";

        private async Task<string> DeleteOfferingUserAsync()
        {
            var id = PickOfferingUser();
            await world.OfferingUser(id).DeleteAsync(world.Staff);
            lock (_lock) _offeringUsers.Remove(id);
            return $"delete {id:N}";
        }

        private async Task<string> ChangeChecklistAsync()
        {
            var offering = Pick(_offerings);
            Guid? checklist = Next(4) == 0 ? null : Pick(_checklists);
            await world.Offering(offering).UpdateComplianceChecklistAsync(world.Staff, checklist);
            return $"offering {offering:N} checklist -> {checklist:N}";
        }

        private async Task<string> AddRequiredQuestionAsync()
        {
            var checklist = Pick(_checklists);
            var id = await world.AddQuestionAsync(checklist, GrainWorld.Boolean(order: Next(4)));
            return $"checklist {checklist:N} + required {id:N}";
        }

        private async Task<string> RemoveQuestionAsync()
        {
            var checklist = Pick(_checklists);
            var questions = await world.QuestionIdsAsync(checklist);
            if (questions.Count <= 1) return $"checklist {checklist:N}: keep its last question";
            var question = Pick(questions);
            await world.Checklist(checklist).DeleteQuestionAsync(world.Staff, question);
            return $"checklist {checklist:N} - {question:N}";
        }

        private async Task<string> DeactivateAsync()
        {
            IAddressable grain = Next(3) switch
            {
                0 => world.Provider(_provider),
                1 => world.Offering(Pick(_offerings)),
                _ => world.OfferingUser(PickOfferingUser()),
            };
            await fixture.Cluster.DeactivateAsync(grain);
            return $"deactivate {grain.GetGrainId()}";
        }

        public async Task AssertCountersEqualRecountAsync()
        {
            foreach (var offering in _offerings)
            {
                var sync = await world.SyncIdleAsync(offering);
                Assert.Null(sync.Error);
            }
            var recount = await RecountAsync();
            await Eventually.UntilAsync(
                async () => (await world.Provider(_provider).GetComplianceOverviewAsync(world.Staff))
                    .Select(r => (r.OfferingId, r.ChecklistName, r.TotalUsers, r.UsersWithCompletions, r.CompletedUsers))
                    .ToList(),
                overview => overview.SequenceEqual(recount),
                $"the overview to equal the recount [{string.Join(", ", recount)}]");
        }

        /// <summary>Per offering (ordered by name): checklist name, users, users with a current completion, completed users.</summary>
        private async Task<List<(Guid, string?, int, int, int)>> RecountAsync()
        {
            var rows = new List<(string Name, (Guid, string?, int, int, int) Row)>();
            foreach (var offering in _offerings)
            {
                var view = await world.Offering(offering).GetAsync(world.Staff);
                int total = 0, withCompletion = 0, completed = 0;
                foreach (var (id, _) in _offeringUsers.Where(u => u.Value == offering))
                {
                    var user = await world.OfferingUser(id).GetAsync(world.Staff);
                    Assert.Equal(offering, user.OfferingId);
                    total++;
                    if (view.ChecklistId is null) continue;
                    var status = await world.OfferingUser(id).GetCompletionStatusAsync(world.Staff);
                    Assert.Equal(view.ChecklistId, status.ChecklistId);
                    withCompletion++;
                    if (status.IsCompleted) completed++;
                }
                rows.Add((view.Name, (offering, view.ChecklistName, total, withCompletion, completed)));
            }
            return rows.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => r.Row).ToList();
        }
    }
}

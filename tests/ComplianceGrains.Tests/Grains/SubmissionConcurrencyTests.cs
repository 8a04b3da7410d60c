using ComplianceGrains.Compliance;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Grains;

/// <summary>BEHAVIOUR.md §4: concurrent submissions to one completion are applied one at a time; nothing is lost.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SubmissionConcurrencyTests(TestClusterFixture fixture) : IAsyncLifetime
{
    private GrainWorld _world = null!;

    public async Task InitializeAsync() => _world = await new GrainWorld(fixture.Grains).InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Concurrent_submissions_lose_no_history_entry_and_leave_the_newest_answers()
    {
        const int submissions = 60;
        var (customer, _) = await _world.ProviderAsync();
        var checklist = await _world.ChecklistAsync(Enumerable.Range(0, 4).Select(i => GrainWorld.Text(order: i)).ToArray());
        var questions = await _world.QuestionIdsAsync(checklist);
        var offering = await _world.OfferingAsync(customer, checklist);
        var user = await _world.UserAsync();
        var offeringUser = await _world.OfferingUserAsync(offering, user);
        var grain = _world.OfferingUser(offeringUser);

        // Submission i answers two questions with values unique to it, half as the user and half as staff.
        var results = await Task.WhenAll(Enumerable.Range(0, submissions).Select(i => grain.SubmitAnswersAsync(
            i % 2 == 0 ? GrainWorld.As(user) : _world.Staff,
            [
                new SubmittedAnswer(questions[i % 4], $"\"v{i}-a\"", null),
                new SubmittedAnswer(questions[(i + 1) % 4], $"\"v{i}-b\"", null),
            ])));
        Assert.All(results, r => Assert.Null(r.Errors));

        var history = (await grain.GetHistoryAsync(_world.Staff, new PageRequest(0, 1000))).Items;
        Assert.Equal(2 * submissions, history.Count);
        var expected = Enumerable.Range(0, submissions).SelectMany(i => new[] { $"\"v{i}-a\"", $"\"v{i}-b\"" }).Order();
        Assert.Equal(expected, history.Select(h => h.AnswerJson!).Order());
        // Newest first, and each submission's two items stay together.
        var oldestFirst = history.Reverse().ToList();
        for (var i = 0; i < oldestFirst.Count; i += 2)
            Assert.Equal(oldestFirst[i].AnswerJson![..^3], oldestFirst[i + 1].AnswerJson![..^3]);

        var view = await grain.GetChecklistAsync(_world.Staff);
        foreach (var question in questions)
        {
            var newest = oldestFirst.Last(h => h.QuestionId == question);
            Assert.Equal(newest.AnswerJson, view.Answers[question].AnswerJson);
        }
        Assert.Equal(100.0, view.Completion.CompletionPercentage);
    }
}

using ComplianceGrains.Checklists;
using ComplianceGrains.Compliance;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace ComplianceGrains.Tests.Grains;

/// <summary>
/// A completion keeps its unanswered required questions as ids and lists them with the checklist's current
/// descriptions; states stored before (with a copy of each description) are still read.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class UnansweredQuestionsTests(TestClusterFixture fixture) : IAsyncLifetime
{
    private GrainWorld _world = null!;

    public async Task InitializeAsync() => _world = await new GrainWorld(fixture.Grains).InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>An offering user of a checklist of two required boolean questions, the first one answered.</summary>
    private async Task<(Guid Checklist, Guid Offering, Guid Unanswered, Guid OfferingUser)> HalfAnsweredAsync()
    {
        var (customer, _) = await _world.ProviderAsync();
        var checklist = await _world.ChecklistAsync(GrainWorld.Boolean(order: 0), GrainWorld.Boolean(order: 1));
        var questions = await _world.QuestionIdsAsync(checklist);
        var offering = await _world.OfferingAsync(customer, checklist);
        var offeringUser = await _world.OfferingUserAsync(offering);
        await _world.AnswerAsync(offeringUser, (questions[0], "true"));
        return (checklist, offering, questions[1], offeringUser);
    }

    private async Task<QuestionView> RenameAsync(Guid checklist, Guid question, string description)
    {
        var current = await _world.Checklist(checklist).GetQuestionAsync(_world.Staff, question);
        return await _world.Checklist(checklist).UpdateQuestionAsync(_world.Staff, question, current.Definition with { Description = description });
    }

    [Fact]
    public async Task An_unanswered_question_is_listed_with_its_description_as_edited_after_the_completion_was_computed()
    {
        var (checklist, _, unanswered, offeringUser) = await HalfAnsweredAsync();
        var before = await _world.OfferingUser(offeringUser).GetCompletionStatusAsync(_world.Staff);
        Assert.Equal([unanswered], before.UnansweredRequiredQuestions.Select(q => q.Id));

        var renamed = $"Renamed {Guid.NewGuid():N}";
        await RenameAsync(checklist, unanswered, renamed);

        var status = await _world.OfferingUser(offeringUser).GetCompletionStatusAsync(_world.Staff);
        Assert.Equal([(unanswered, renamed, QuestionTypes.Boolean)], status.UnansweredRequiredQuestions.Select(q => (q.Id, q.Description, q.QuestionType)));
        Assert.Equal(50.0, status.CompletionPercentage);

        await fixture.Cluster.DeactivateAsync(_world.OfferingUser(offeringUser));
        var reactivated = await _world.OfferingUser(offeringUser).GetCompletionStatusAsync(_world.Staff);
        Assert.Equal([(unanswered, renamed)], reactivated.UnansweredRequiredQuestions.Select(q => (q.Id, q.Description)));
    }

    [Fact]
    public async Task A_stored_state_with_copied_descriptions_lists_its_questions_with_their_current_descriptions()
    {
        var (checklist, offering, unanswered, offeringUser) = await HalfAnsweredAsync();
        var current = await _world.Checklist(checklist).GetQuestionAsync(_world.Staff, unanswered);
        await _world.SyncIdleAsync(offering);
        var grain = _world.OfferingUser(offeringUser);
        await fixture.Cluster.DeactivateAsync(grain);
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        var stored = new GrainState<OfferingUserState>();
        await storage.ReadStateAsync("offering-user", grain.GetGrainId(), stored);
        var completion = stored.State!.Completions.Single(c => !c.Archived);
        // As states were stored before the ids: a copy of each blocking question, made when the metrics were computed.
        completion.LegacyUnansweredRequired = [new UnansweredQuestion(unanswered, "copied when computed", QuestionTypes.Boolean)];
        completion.UnansweredRequiredIds = [];
        await storage.WriteStateAsync("offering-user", grain.GetGrainId(), stored);

        var status = await grain.GetCompletionStatusAsync(_world.Staff);

        Assert.Equal([(unanswered, current.Definition.Description)], status.UnansweredRequiredQuestions.Select(q => (q.Id, q.Description)));
        Assert.Equal(50.0, status.CompletionPercentage);
    }

    [Fact]
    public void A_completion_serialized_in_the_shape_stored_before_the_ids_reads_its_questions_as_ids()
    {
        var serializer = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<Serializer>();
        var question = Guid.NewGuid();
        var old = new CompletionStateBeforeIds
        {
            Id = Guid.NewGuid(),
            ChecklistId = Guid.NewGuid(),
            ChecklistVersion = 3,
            UnansweredRequired = [new UnansweredQuestion(question, "Training done?", QuestionTypes.Boolean)],
        };

        var read = serializer.Deserialize<CompletionState>(serializer.SerializeToArray(old))!;

        Assert.Equal((old.Id, old.ChecklistId, 3L), (read.Id, read.ChecklistId, read.ChecklistVersion));
        Assert.Equal([question], read.UnansweredRequiredQuestionIds());
    }
}

/// <summary>The fields of <see cref="CompletionState"/> as they were stored before the unanswered questions' ids (field 9 held copies).</summary>
[GenerateSerializer]
public sealed class CompletionStateBeforeIds
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public Guid ChecklistId { get; set; }
    [Id(2)] public bool Archived { get; set; }
    [Id(3)] public long ChecklistVersion { get; set; }
    [Id(9)] public List<UnansweredQuestion> UnansweredRequired { get; set; } = [];
}

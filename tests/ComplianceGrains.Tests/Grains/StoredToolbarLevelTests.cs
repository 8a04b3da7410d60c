using ComplianceGrains.Checklists;
using ComplianceGrains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace ComplianceGrains.Tests.Grains;

/// <summary>API.md §9: checklists stored with the old toolbar names are read with Waldur's (basic → minimal, full → extended).</summary>
[Collection(ClusterCollection.Name)]
public sealed class StoredToolbarLevelTests(TestClusterFixture fixture)
{
    private readonly GrainBuilder _world = new(fixture.Grains);

    [Fact]
    public async Task Stored_basic_and_full_levels_are_read_as_minimal_and_extended_and_kept_so()
    {
        var staff = (await _world.StaffAsync()).Caller;
        var checklistId = await _world.CreateChecklistAsync(staff);
        var checklist = fixture.Grains.GetGrain<IChecklistGrain>(checklistId);
        var basic = Guid.NewGuid();
        var full = Guid.NewGuid();
        await checklist.AddQuestionAsync(staff, basic, new QuestionDefinition { Description = "Notes", QuestionType = QuestionTypes.RichText, Order = 1 });
        await checklist.AddQuestionAsync(staff, full, new QuestionDefinition { Description = "More", QuestionType = QuestionTypes.RichText, Order = 2 });
        await fixture.Cluster.DeactivateAsync(checklist);
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        var stored = new GrainState<ChecklistState>();
        await storage.ReadStateAsync("checklist", checklist.GetGrainId(), stored);
        foreach (var (question, level) in new[] { (basic, "basic"), (full, "full") })
        {
            var state = stored.State!.Questions.Single(q => q.Id == question);
            state.Definition = state.Definition with { RichTextToolbarLevel = level };
        }
        await storage.WriteStateAsync("checklist", checklist.GetGrainId(), stored);

        var questions = await checklist.GetQuestionsAsync(staff);
        Assert.Equal(["minimal", "extended"], questions.Select(q => q.Definition.RichTextToolbarLevel));

        await checklist.UpdateQuestionAsync(staff, basic, questions[0].Definition with { Description = "Notes, edited" });
        await fixture.Cluster.DeactivateAsync(checklist);
        await storage.ReadStateAsync("checklist", checklist.GetGrainId(), stored);
        Assert.Equal(["minimal", "extended"], stored.State!.Questions.OrderBy(q => q.Definition.Order).Select(q => q.Definition.RichTextToolbarLevel));
    }
}

using ComplianceGrains.Catalog;
using ComplianceGrains.Compliance;
using ComplianceGrains.Domain;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Errors;
using Microsoft.Extensions.Logging;

namespace ComplianceGrains.Checklists;

[GenerateSerializer]
public sealed class ChecklistState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string Description { get; set; } = "";
    [Id(3)] public string ChecklistType { get; set; } = ChecklistTypes.OfferingCompliance;
    [Id(4)] public DateTime Created { get; set; }
    [Id(5)] public DateTime Modified { get; set; }
    /// <summary>Grows with every change of the checklist or its questions.</summary>
    [Id(6)] public long Version { get; set; }
    [Id(7)] public List<QuestionState> Questions { get; set; } = [];
    [Id(8)] public HashSet<Guid> OfferingIds { get; set; } = [];
    [Id(9)] public List<DependencyView> Dependencies { get; set; } = [];
}

[GenerateSerializer]
public sealed class QuestionState
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public QuestionDefinition Definition { get; set; } = new();
    [Id(2)] public DateTime Created { get; set; }
    [Id(3)] public List<OptionState> Options { get; set; } = [];
}

[GenerateSerializer]
public sealed class OptionState
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string Label { get; set; } = "";
    [Id(2)] public int Order { get; set; }
}

public sealed class ChecklistGrain(
    [PersistentState("checklist", StorageNames.Main)] IPersistentState<ChecklistState> state,
    ILogger<ChecklistGrain> logger) : Grain, IChecklistGrain
{
    private Guid Id => this.GetPrimaryKey();

    /// <summary>
    /// States stored before the toolbar levels took Waldur's names are read with the new names; stored values that are
    /// not valid text are repaired.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var question in state.State.Questions)
        {
            var level = RichTextToolbarLevels.Current(question.Definition.RichTextToolbarLevel);
            if (level != question.Definition.RichTextToolbarLevel)
                question.Definition = question.Definition with { RichTextToolbarLevel = level };
        }
        if (!state.State.Exists || ChecklistTextRepair.Repair(state.State) is not (> 0 and var repaired)) return;
        logger.LogWarning("Replaced {Count} stored values of checklist {Id} that were not valid text", repaired, Id);
        // A new version, so that the offering users' cached definitions are fetched again.
        await SaveAsync();
    }

    public async Task<ChecklistView> CreateAsync(Caller caller, ChecklistFields fields)
    {
        EnsureStaff(caller);
        Validate(fields);
        if (state.State.Exists) throw ValidationException.NonField("Checklist already exists.");
        await ClaimTypeAsync(fields.ChecklistType);
        var now = DateTime.UtcNow;
        state.State = new ChecklistState
        {
            Exists = true,
            Name = fields.Name,
            Description = fields.Description,
            ChecklistType = fields.ChecklistType,
            Created = now,
        };
        await SaveAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(CatalogNames.Checklists).AddAsync(Id);
        return View();
    }

    public Task<ChecklistView> GetAsync(Caller caller)
    {
        EnsureStaffAndExists(caller);
        return Task.FromResult(View());
    }

    public async Task<ChecklistView> UpdateAsync(Caller caller, ChecklistFields fields)
    {
        EnsureStaffAndExists(caller);
        Validate(fields);
        if (fields.ChecklistType != state.State.ChecklistType && state.State.OfferingIds.Count > 0)
            throw ValidationException.Field("checklist_type", "The type of a checklist that offerings use cannot change.");
        var previousType = state.State.ChecklistType;
        if (fields.ChecklistType != previousType) await ClaimTypeAsync(fields.ChecklistType);
        state.State.Name = fields.Name;
        state.State.Description = fields.Description;
        state.State.ChecklistType = fields.ChecklistType;
        await SaveAsync();
        if (fields.ChecklistType != previousType) await ReleaseTypeAsync(previousType);
        return View();
    }

    public async Task DeleteAsync(Caller caller)
    {
        EnsureStaffAndExists(caller);
        if (state.State.OfferingIds.Count > 0)
            throw ValidationException.General("The checklist is used by offerings; detach it from them before deleting it.");
        foreach (var question in state.State.Questions)
            await ClearLocatorsAsync(question);
        var type = state.State.ChecklistType;
        await state.ClearStateAsync();
        state.State = new ChecklistState();
        await ReleaseTypeAsync(type);
        await GrainFactory.GetGrain<ICatalogGrain>(CatalogNames.Checklists).RemoveAsync(Id);
        DeactivateOnIdle();
    }

    public Task<IReadOnlyList<QuestionView>> GetQuestionsAsync(Caller caller)
    {
        EnsureStaffAndExists(caller);
        IReadOnlyList<QuestionView> questions = OrderedQuestions().Select(QuestionView).ToList();
        return Task.FromResult(questions);
    }

    public async Task<QuestionView> AddQuestionAsync(Caller caller, Guid questionId, QuestionDefinition definition)
    {
        EnsureStaffAndExists(caller);
        Validate(definition);
        var question = new QuestionState { Id = questionId, Definition = definition, Created = DateTime.UtcNow };
        state.State.Questions.Add(question);
        await SaveAsync();
        await GrainFactory.GetGrain<IChecklistItemLocatorGrain>(questionId).SetAsync(Id);
        return QuestionView(question);
    }

    public Task<QuestionView> GetQuestionAsync(Caller caller, Guid questionId)
    {
        EnsureStaffAndExists(caller);
        return Task.FromResult(QuestionView(FindQuestion(questionId)));
    }

    public async Task<QuestionView> UpdateQuestionAsync(Caller caller, Guid questionId, QuestionDefinition definition)
    {
        EnsureStaffAndExists(caller);
        var question = FindQuestion(questionId);
        Validate(definition);
        question.Definition = definition;
        await SaveAsync();
        return QuestionView(question);
    }

    public async Task DeleteQuestionAsync(Caller caller, Guid questionId)
    {
        EnsureStaffAndExists(caller);
        var question = FindQuestion(questionId);
        state.State.Questions.Remove(question);
        var dependencies = state.State.Dependencies.Where(d => d.QuestionId == questionId || d.DependsOnQuestionId == questionId).ToList();
        state.State.Dependencies.RemoveAll(dependencies.Contains);
        await SaveAsync();
        await ClearLocatorsAsync(question);
        foreach (var dependency in dependencies) await GrainFactory.GetGrain<IChecklistItemLocatorGrain>(dependency.Id).ClearAsync();
    }

    public async Task<OptionView> AddOptionAsync(Caller caller, Guid optionId, Guid questionId, string label, int order)
    {
        EnsureStaffAndExists(caller);
        var question = FindQuestion(questionId);
        TextGuard.Require(("label", label));
        var option = new OptionState { Id = optionId, Label = label, Order = order };
        question.Options.Add(option);
        await SaveAsync();
        await GrainFactory.GetGrain<IChecklistItemLocatorGrain>(optionId).SetAsync(Id);
        return OptionView(question, option);
    }

    public Task<OptionView> GetOptionAsync(Caller caller, Guid optionId)
    {
        EnsureStaffAndExists(caller);
        var (question, option) = FindOption(optionId);
        return Task.FromResult(OptionView(question, option));
    }

    public async Task<OptionView> UpdateOptionAsync(Caller caller, Guid optionId, string label, int order)
    {
        EnsureStaffAndExists(caller);
        var (question, option) = FindOption(optionId);
        TextGuard.Require(("label", label));
        option.Label = label;
        option.Order = order;
        await SaveAsync();
        return OptionView(question, option);
    }

    public async Task DeleteOptionAsync(Caller caller, Guid optionId)
    {
        EnsureStaffAndExists(caller);
        var (question, option) = FindOption(optionId);
        question.Options.Remove(option);
        await SaveAsync();
        await GrainFactory.GetGrain<IChecklistItemLocatorGrain>(optionId).ClearAsync();
    }

    public async Task<DependencyView> AddDependencyAsync(Caller caller, DependencyView dependency)
    {
        EnsureStaffAndExists(caller);
        ValidateDependency(dependency);
        state.State.Dependencies.Add(dependency);
        await SaveAsync();
        await GrainFactory.GetGrain<IChecklistItemLocatorGrain>(dependency.Id).SetAsync(Id);
        return dependency;
    }

    public Task<DependencyView> GetDependencyAsync(Caller caller, Guid dependencyId)
    {
        EnsureStaffAndExists(caller);
        return Task.FromResult(FindDependency(dependencyId));
    }

    public async Task<DependencyView> UpdateDependencyAsync(Caller caller, DependencyView dependency)
    {
        EnsureStaffAndExists(caller);
        var index = state.State.Dependencies.IndexOf(FindDependency(dependency.Id));
        ValidateDependency(dependency);
        state.State.Dependencies[index] = dependency;
        await SaveAsync();
        return dependency;
    }

    public async Task DeleteDependencyAsync(Caller caller, Guid dependencyId)
    {
        EnsureStaffAndExists(caller);
        state.State.Dependencies.Remove(FindDependency(dependencyId));
        await SaveAsync();
        await GrainFactory.GetGrain<IChecklistItemLocatorGrain>(dependencyId).ClearAsync();
    }

    public Task<IReadOnlyList<DependencyView>> GetDependenciesAsync(Caller caller)
    {
        EnsureStaffAndExists(caller);
        return Task.FromResult<IReadOnlyList<DependencyView>>(state.State.Dependencies.ToList());
    }

    public Task<IReadOnlyList<Guid>> GetOfferingIdsAsync(Caller caller)
    {
        EnsureStaffAndExists(caller);
        return Task.FromResult<IReadOnlyList<Guid>>(state.State.OfferingIds.ToList());
    }

    public async Task<ChecklistEditImpact> PreviewEditAsync(Caller caller, ChecklistEdit edit)
    {
        EnsureStaffAndExists(caller);
        ValidateEdit(edit);
        if (state.State.OfferingIds.Count == 0) return ChecklistEditImpact.None;
        var current = Definition();
        var proposed = current with
        {
            Version = current.Version + 1,
            Questions = ChecklistEditEffects.Apply(current.Questions, edit, DateTime.UtcNow),
        };
        var impacts = await Task.WhenAll(state.State.OfferingIds.Select(offeringId =>
            GrainFactory.GetGrain<IOfferingGrain>(offeringId).PreviewChecklistEditAsync(current, proposed)));
        return impacts.Aggregate(ChecklistEditImpact.None, (sum, impact) => sum.Plus(impact));
    }

    /// <summary>The checks the edit's own operation makes before it changes anything.</summary>
    private void ValidateEdit(ChecklistEdit edit)
    {
        if (edit.Definition is { } definition) Validate(definition);
        else if (edit.QuestionId is { } deleted) FindQuestion(deleted);
        if (edit.Dependency is { } dependency) ValidateDependency(dependency);
        if (edit.DeletedDependencyId is { } dependencyId) FindDependency(dependencyId);
    }

    public Task<ChecklistView?> FindAsync() => Task.FromResult(state.State.Exists ? View() : null);

    public Task<ChecklistDefinition?> GetDefinitionAsync() => Task.FromResult(state.State.Exists ? Definition() : null);

    private ChecklistDefinition Definition() => new(
        Id, state.State.Name, state.State.Description, state.State.ChecklistType, state.State.Version,
        OrderedQuestions().Select(QuestionView).ToList());

    public async Task AddOfferingUseAsync(Guid offeringId)
    {
        if (state.State.OfferingIds.Add(offeringId)) await state.WriteStateAsync();
    }

    public async Task RemoveOfferingUseAsync(Guid offeringId)
    {
        if (state.State.OfferingIds.Remove(offeringId)) await state.WriteStateAsync();
    }

    private static void EnsureStaff(Caller caller)
    {
        if (!caller.IsStaff) throw new PermissionDeniedException();
    }

    private void EnsureStaffAndExists(Caller caller)
    {
        EnsureStaff(caller);
        if (!state.State.Exists) throw new NotFoundException();
    }

    private static void Validate(ChecklistFields fields) =>
        TextGuard.Require(("name", fields.Name), ("description", fields.Description), ("checklist_type", fields.ChecklistType));

    private static void Validate(QuestionDefinition definition)
    {
        var errors = QuestionDefinitionRules.Validate(definition);
        if (errors.Count > 0) throw new ValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private void ValidateDependency(DependencyView dependency)
    {
        var errors = DependencyRules.Validate(OrderedQuestions().Select(QuestionView).ToList(), dependency);
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    private DependencyView FindDependency(Guid dependencyId) =>
        state.State.Dependencies.FirstOrDefault(d => d.Id == dependencyId) ?? throw new NotFoundException();

    private QuestionState FindQuestion(Guid questionId) =>
        state.State.Questions.FirstOrDefault(q => q.Id == questionId) ?? throw new NotFoundException();

    private (QuestionState Question, OptionState Option) FindOption(Guid optionId)
    {
        foreach (var question in state.State.Questions)
            if (question.Options.FirstOrDefault(o => o.Id == optionId) is { } option) return (question, option);
        throw new NotFoundException();
    }

    private IEnumerable<QuestionState> OrderedQuestions() =>
        state.State.Questions.OrderBy(q => q.Definition.Order).ThenBy(q => q.Created);

    /// <summary>Types that allow one checklist only are claimed before the checklist takes them.</summary>
    private async Task ClaimTypeAsync(string checklistType)
    {
        if (!ChecklistTypeRules.AllowsOnlyOne(checklistType)) return;
        if (!await GrainFactory.GetGrain<IChecklistTypeSlotGrain>(checklistType).ClaimAsync(Id))
            throw ValidationException.Field("checklist_type", ChecklistTypeRules.OnlyOneMessage(checklistType));
    }

    private Task ReleaseTypeAsync(string checklistType) =>
        ChecklistTypeRules.AllowsOnlyOne(checklistType)
            ? GrainFactory.GetGrain<IChecklistTypeSlotGrain>(checklistType).ReleaseAsync(Id)
            : Task.CompletedTask;

    private async Task ClearLocatorsAsync(QuestionState question)
    {
        await GrainFactory.GetGrain<IChecklistItemLocatorGrain>(question.Id).ClearAsync();
        foreach (var option in question.Options)
            await GrainFactory.GetGrain<IChecklistItemLocatorGrain>(option.Id).ClearAsync();
    }

    /// <summary>Stores a change and tells the offerings that use the checklist, which recompute their users' metrics.</summary>
    private async Task SaveAsync()
    {
        state.State.Version++;
        state.State.Modified = DateTime.UtcNow;
        await state.WriteStateAsync();
        await Task.WhenAll(state.State.OfferingIds.Select(offeringId =>
            GrainFactory.GetGrain<IOfferingGrain>(offeringId).ChecklistChangedAsync(Id, state.State.Version)));
    }

    private ChecklistView View() => new(
        Id, state.State.Name, state.State.Description, state.State.ChecklistType, state.State.Questions.Count,
        state.State.Created, state.State.Modified);

    private QuestionView QuestionView(QuestionState question) => new(
        question.Id, Id, state.State.Name, state.State.ChecklistType, question.Definition,
        question.Options.OrderBy(o => o.Order).ThenBy(o => o.Label).Select(o => OptionView(question, o)).ToList(),
        question.Created)
    {
        Dependencies = state.State.Dependencies.Where(d => d.QuestionId == question.Id).ToList(),
    };

    private static OptionView OptionView(QuestionState question, OptionState option) =>
        new(option.Id, question.Id, option.Label, option.Order);
}

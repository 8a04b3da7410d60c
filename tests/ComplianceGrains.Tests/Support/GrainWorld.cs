using ComplianceGrains.Checklists;
using ComplianceGrains.Compliance;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;

namespace ComplianceGrains.Tests.Support;

/// <summary>Builds the objects a grain test needs through the grains themselves, with fresh keys.</summary>
public sealed class GrainWorld(IGrainFactory grains)
{
    private Caller? _staff;

    public IGrainFactory Grains { get; } = grains;

    public Caller Staff => _staff ?? throw new InvalidOperationException("Call InitializeAsync first.");

    public async Task<GrainWorld> InitializeAsync()
    {
        var id = await UserAsync(staff: true);
        _staff = new Caller(id, true, false);
        return this;
    }

    public async Task<Guid> UserAsync(string? fullName = null, bool staff = false)
    {
        var id = Guid.NewGuid();
        await Grains.GetGrain<IUserGrain>(id).CreateAsync(
            new NewUser($"u{id:N}", fullName ?? $"Full {id:N}", $"{id:N}@example.com", null, staff, false));
        return id;
    }

    public static Caller As(Guid userId) => new(userId, false, false);

    /// <summary>A customer with a service provider.</summary>
    public async Task<(Guid Customer, Guid Provider)> ProviderAsync()
    {
        var customer = Guid.NewGuid();
        var provider = Guid.NewGuid();
        await Grains.GetGrain<ICustomerGrain>(customer).CreateAsync(Staff, $"customer-{customer:N}");
        await Provider(provider).CreateAsync(Staff, customer, "");
        return (customer, provider);
    }

    public async Task<Guid> ChecklistAsync(params QuestionDefinition[] questions)
    {
        var id = Guid.NewGuid();
        await Checklist(id).CreateAsync(Staff, new ChecklistFields($"checklist-{id:N}", "", ChecklistTypes.OfferingCompliance));
        foreach (var question in questions) await AddQuestionAsync(id, question);
        return id;
    }

    public async Task<Guid> AddQuestionAsync(Guid checklist, QuestionDefinition definition)
    {
        var id = Guid.NewGuid();
        await Checklist(checklist).AddQuestionAsync(Staff, id, definition);
        return id;
    }

    public async Task<IReadOnlyList<Guid>> QuestionIdsAsync(Guid checklist) =>
        (await Checklist(checklist).GetQuestionsAsync(Staff)).Select(q => q.Id).ToList();

    public static QuestionDefinition Boolean(bool required = true, int order = 0) =>
        new() { Description = $"Boolean {Guid.NewGuid():N}", QuestionType = QuestionTypes.Boolean, Required = required, Order = order };

    public static QuestionDefinition Text(bool required = false, int order = 0) =>
        new() { Description = $"Text {Guid.NewGuid():N}", QuestionType = QuestionTypes.TextInput, Required = required, Order = order };

    public async Task<Guid> OfferingAsync(Guid customer, Guid? checklist = null, string? name = null)
    {
        var id = Guid.NewGuid();
        await Offering(id).CreateAsync(Staff, new NewOffering(name ?? $"offering-{id:N}", "", customer, checklist));
        return id;
    }

    public async Task<Guid> OfferingUserAsync(Guid offering, Guid? user = null)
    {
        var id = Guid.NewGuid();
        await OfferingUser(id).CreateAsync(Staff, offering, user ?? await UserAsync(), null);
        return id;
    }

    /// <summary>Submits answers as staff and fails on validation errors; a null answer removes it.</summary>
    public Task<CompletionStatus> AnswerAsync(Guid offeringUser, params (Guid Question, string? Json)[] answers) =>
        AnswerAsAsync(Staff, offeringUser, answers);

    public async Task<CompletionStatus> AnswerAsAsync(Caller caller, Guid offeringUser, params (Guid Question, string? Json)[] answers)
    {
        var result = await OfferingUser(offeringUser).SubmitAnswersAsync(
            caller, answers.Select(a => new SubmittedAnswer(a.Question, a.Json ?? "null", null)).ToList());
        Assert.True(result.Errors is null, "Submission rejected: " + string.Join("; ", result.Errors?.SelectMany(e => e.Values.SelectMany(v => v)) ?? []));
        return result.Completion!;
    }

    /// <summary>Waits until the offering's lifecycle job is idle.</summary>
    public Task<ComplianceSyncStatus> SyncIdleAsync(Guid offering) =>
        Eventually.UntilAsync(
            () => Offering(offering).GetComplianceSyncAsync(Staff), s => s.State == ComplianceSyncStatus.Idle,
            $"the compliance sync of offering {offering:N} to be idle");

    public async Task<OfferingComplianceOverview> OverviewRowAsync(Guid provider, Guid offering) =>
        (await Provider(provider).GetComplianceOverviewAsync(Staff)).Single(r => r.OfferingId == offering);

    /// <summary>Waits until the provider's overview row of an offering satisfies <paramref name="done"/>.</summary>
    public Task<OfferingComplianceOverview> OverviewRowUntilAsync(Guid provider, Guid offering, Func<OfferingComplianceOverview, bool> done, string what) =>
        Eventually.UntilAsync(() => OverviewRowAsync(provider, offering), done, what);

    public IOfferingGrain Offering(Guid id) => Grains.GetGrain<IOfferingGrain>(id);

    public IOfferingUserGrain OfferingUser(Guid id) => Grains.GetGrain<IOfferingUserGrain>(id);

    public IChecklistGrain Checklist(Guid id) => Grains.GetGrain<IChecklistGrain>(id);

    public IServiceProviderGrain Provider(Guid id) => Grains.GetGrain<IServiceProviderGrain>(id);
}

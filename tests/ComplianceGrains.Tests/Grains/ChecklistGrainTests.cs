using ComplianceGrains.Checklists;
using ComplianceGrains.Errors;
using ComplianceGrains.Tests.Support;

namespace ComplianceGrains.Tests.Grains;

/// <summary>Checklist administration (API.md §2): staff only, questions in order, options, item locators, deletion rules.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ChecklistGrainTests(TestClusterFixture fixture)
{
    private readonly GrainBuilder _world = new(fixture.Grains);

    private IChecklistGrain Checklist(Guid id) => _world.Grains.GetGrain<IChecklistGrain>(id);

    private Task<Guid?> LocatedChecklistAsync(Guid itemId) =>
        _world.Grains.GetGrain<IChecklistItemLocatorGrain>(itemId).GetChecklistIdAsync();

    private async Task<(Caller Staff, Guid Checklist)> ChecklistAsync(string? name = null)
    {
        var staff = (await _world.StaffAsync()).Caller;
        return (staff, await _world.CreateChecklistAsync(staff, name: name));
    }

    private async Task<Guid> AddQuestionAsync(Caller staff, Guid checklist, int order = 0, string? description = null, string type = "boolean")
    {
        var id = Guid.NewGuid();
        await Checklist(checklist).AddQuestionAsync(staff, id, new QuestionDefinition
        {
            Description = description ?? $"question {id:N}", Order = order, QuestionType = type,
        });
        return id;
    }

    private async Task<Guid> AddOptionAsync(Caller staff, Guid checklist, Guid question, string label, int order)
    {
        var id = Guid.NewGuid();
        await Checklist(checklist).AddOptionAsync(staff, id, question, label, order);
        return id;
    }

    private async Task<DateTime> ModifiedAsync(Caller staff, Guid checklist) => (await Checklist(checklist).GetAsync(staff)).Modified;

    // --- checklists ---

    [Fact]
    public async Task Staff_creates_a_checklist_that_reads_back()
    {
        var staff = (await _world.StaffAsync()).Caller;
        var id = Guid.NewGuid();
        var created = await Checklist(id).CreateAsync(staff, new ChecklistFields("Security", "About security", "offering_compliance"));
        var read = await Checklist(id).GetAsync(staff);

        Assert.Equal(id, read.Id);
        Assert.Equal("Security", read.Name);
        Assert.Equal("About security", read.Description);
        Assert.Equal("offering_compliance", read.ChecklistType);
        Assert.Equal(0, read.QuestionsCount);
        Assert.Equal(created, read);
        Assert.Equal(read, await Checklist(id).FindAsync());
    }

    [Fact]
    public async Task A_new_checklist_has_a_real_modified_timestamp_not_before_created()
    {
        var (staff, id) = await ChecklistAsync();
        var view = await Checklist(id).GetAsync(staff);
        Assert.True(view.Modified >= view.Created, $"modified {view.Modified:O} is before created {view.Created:O}");
        Assert.True(view.Modified > DateTime.UtcNow.AddDays(-1), $"modified is {view.Modified:O}");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public async Task Non_staff_may_do_nothing_with_checklists(bool staff, bool support)
    {
        var caller = (await _world.CreateUserAsync(staff: staff, support: support)).Caller;
        var (admin, id) = await ChecklistAsync("Unchanged");
        var question = await AddQuestionAsync(admin, id);
        var option = await AddOptionAsync(admin, id, question, "A", 0);
        var grain = Checklist(id);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => Checklist(Guid.NewGuid()).CreateAsync(caller, new ChecklistFields("x", "", "offering_compliance")));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => grain.GetAsync(caller));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => grain.UpdateAsync(caller, new ChecklistFields("x", "", "offering_compliance")));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => grain.DeleteAsync(caller));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => grain.GetQuestionsAsync(caller));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => grain.AddQuestionAsync(caller, Guid.NewGuid(), new QuestionDefinition()));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => grain.GetQuestionAsync(caller, question));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => grain.UpdateQuestionAsync(caller, question, new QuestionDefinition()));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => grain.DeleteQuestionAsync(caller, question));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => grain.AddOptionAsync(caller, Guid.NewGuid(), question, "B", 1));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => grain.GetOptionAsync(caller, option));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => grain.UpdateOptionAsync(caller, option, "B", 1));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => grain.DeleteOptionAsync(caller, option));

        var view = await grain.GetAsync(admin);
        Assert.Equal("Unchanged", view.Name);
        Assert.Equal(1, view.QuestionsCount);
        Assert.Single((await grain.GetQuestionAsync(admin, question)).Options);
    }

    [Fact]
    public async Task A_customer_owner_is_not_staff_for_checklists()
    {
        var setup = await _world.CreateProviderSetupAsync();
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Checklist(Guid.NewGuid()).CreateAsync(setup.Owner.Caller, new ChecklistFields("x", "", "offering_compliance")));
    }

    [Fact]
    public async Task Creating_a_checklist_twice_is_refused()
    {
        var (staff, id) = await ChecklistAsync("First");
        await Assert.ThrowsAsync<ValidationException>(() => Checklist(id).CreateAsync(staff, new ChecklistFields("Second", "", "offering_compliance")));
        Assert.Equal("First", (await Checklist(id).GetAsync(staff)).Name);
    }

    [Fact]
    public async Task An_unknown_checklist_is_not_found()
    {
        var staff = (await _world.StaffAsync()).Caller;
        var id = Guid.NewGuid();
        await Assert.ThrowsAsync<NotFoundException>(() => Checklist(id).GetAsync(staff));
        await Assert.ThrowsAsync<NotFoundException>(() => Checklist(id).GetQuestionsAsync(staff));
        await Assert.ThrowsAsync<NotFoundException>(() => Checklist(id).AddQuestionAsync(staff, Guid.NewGuid(), new QuestionDefinition()));
        Assert.Null(await Checklist(id).FindAsync());
    }

    [Fact]
    public async Task Updating_changes_the_fields_and_modified_but_not_created()
    {
        var (staff, id) = await ChecklistAsync();
        var before = await Checklist(id).GetAsync(staff);

        var updated = await Checklist(id).UpdateAsync(staff, new ChecklistFields("Renamed", "New text", "project_compliance"));

        Assert.Equal("Renamed", updated.Name);
        Assert.Equal("New text", updated.Description);
        Assert.Equal("project_compliance", updated.ChecklistType);
        Assert.Equal(before.Created, updated.Created);
        Assert.True(updated.Modified > before.Modified);
        Assert.Equal(updated, await Checklist(id).GetAsync(staff));
    }

    [Fact]
    public async Task The_type_of_a_checklist_used_by_an_offering_cannot_change()
    {
        var (staff, id) = await ChecklistAsync();
        await _world.CreateProviderSetupAsync(id);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Checklist(id).UpdateAsync(staff, new ChecklistFields("Renamed", "", "project_compliance")));

        Assert.True(error.Errors.ContainsKey("checklist_type"));
        Assert.Equal("offering_compliance", (await Checklist(id).GetAsync(staff)).ChecklistType);
        // Renaming it is fine.
        Assert.Equal("Renamed", (await Checklist(id).UpdateAsync(staff, new ChecklistFields("Renamed", "", "offering_compliance"))).Name);
    }

    [Fact]
    public async Task Deleting_a_checklist_removes_it_and_clears_the_locators_of_its_questions_and_options()
    {
        var (staff, id) = await ChecklistAsync();
        var question = await AddQuestionAsync(staff, id, type: "single_select");
        var option = await AddOptionAsync(staff, id, question, "Yes", 0);
        Assert.Equal(id, await LocatedChecklistAsync(question));
        Assert.Equal(id, await LocatedChecklistAsync(option));

        await Checklist(id).DeleteAsync(staff);

        await Assert.ThrowsAsync<NotFoundException>(() => Checklist(id).GetAsync(staff));
        await Assert.ThrowsAsync<NotFoundException>(() => Checklist(id).GetQuestionAsync(staff, question));
        Assert.Null(await Checklist(id).FindAsync());
        Assert.Null(await LocatedChecklistAsync(question));
        Assert.Null(await LocatedChecklistAsync(option));
    }

    [Fact]
    public async Task Deleting_a_checklist_used_by_an_offering_is_refused_and_keeps_everything()
    {
        var (staff, id) = await ChecklistAsync();
        var question = await AddQuestionAsync(staff, id);
        var setup = await _world.CreateProviderSetupAsync(id);

        await Assert.ThrowsAsync<ValidationException>(() => Checklist(id).DeleteAsync(staff));

        Assert.Equal(1, (await Checklist(id).GetAsync(staff)).QuestionsCount);
        Assert.Equal(id, await LocatedChecklistAsync(question));
        Assert.Equal(id, (await _world.Grains.GetGrain<Marketplace.IOfferingGrain>(setup.Offering).GetAsync(staff)).ChecklistId);
    }

    [Fact]
    public async Task A_checklist_that_an_offering_refused_is_still_deletable()
    {
        var (staff, id) = await ChecklistAsync();
        await Checklist(id).UpdateAsync(staff, new ChecklistFields("Project", "", "project_compliance"));
        var setup = await _world.CreateProviderSetupAsync();
        await Assert.ThrowsAsync<ValidationException>(() =>
            _world.CreateOfferingAsync(setup.Staff.Caller, setup.Customer, id));
        await Checklist(id).DeleteAsync(staff);
        Assert.Null(await Checklist(id).FindAsync());
    }

    // --- questions ---

    [Fact]
    public async Task An_added_question_reads_back_with_its_checklist_and_definition()
    {
        var (staff, id) = await ChecklistAsync("Security");
        var questionId = Guid.NewGuid();
        var definition = new QuestionDefinition
        {
            Description = "How many servers?", QuestionType = "number", Required = true, Order = 3, MinValue = 1, MaxValue = 100,
            UserGuidance = "Count them", Operator = "equals", ReviewAnswerValueJson = "0", AlwaysRequiresReview = true,
        };

        var added = await Checklist(id).AddQuestionAsync(staff, questionId, definition);

        Assert.Equal(questionId, added.Id);
        Assert.Equal(id, added.ChecklistId);
        Assert.Equal("Security", added.ChecklistName);
        Assert.Equal("offering_compliance", added.ChecklistType);
        Assert.Equal(definition, added.Definition);
        Assert.Empty(added.Options);
        var read = await Checklist(id).GetQuestionAsync(staff, questionId);
        Assert.Equal(definition, read.Definition);
        Assert.Equal(added.Created, read.Created);
        Assert.Equal(1, (await Checklist(id).GetAsync(staff)).QuestionsCount);
        Assert.Equal(id, await LocatedChecklistAsync(questionId));
    }

    [Fact]
    public async Task Questions_come_in_order_then_creation_order()
    {
        var (staff, id) = await ChecklistAsync();
        var a = await AddQuestionAsync(staff, id, order: 2);
        var b = await AddQuestionAsync(staff, id, order: 1);
        var c = await AddQuestionAsync(staff, id, order: 2);
        var d = await AddQuestionAsync(staff, id, order: 1);
        var e = await AddQuestionAsync(staff, id, order: 0);

        var ids = (await Checklist(id).GetQuestionsAsync(staff)).Select(q => q.Id);

        Assert.Equal([e, b, d, a, c], ids);
    }

    [Fact]
    public async Task Changing_a_questions_order_moves_it_but_keeps_its_creation_rank()
    {
        var (staff, id) = await ChecklistAsync();
        var a = await AddQuestionAsync(staff, id, order: 1);
        var b = await AddQuestionAsync(staff, id, order: 1);
        var c = await AddQuestionAsync(staff, id, order: 2);

        await Checklist(id).UpdateQuestionAsync(staff, c, new QuestionDefinition { Description = "c", Order = 0 });
        Assert.Equal([c, a, b], (await Checklist(id).GetQuestionsAsync(staff)).Select(q => q.Id));

        // An edit that keeps the order does not move a question behind later ones.
        await Checklist(id).UpdateQuestionAsync(staff, a, new QuestionDefinition { Description = "a edited", Order = 1 });
        Assert.Equal([c, a, b], (await Checklist(id).GetQuestionsAsync(staff)).Select(q => q.Id));
    }

    [Fact]
    public async Task Updating_a_question_replaces_its_definition_and_keeps_its_options()
    {
        var (staff, id) = await ChecklistAsync();
        var question = await AddQuestionAsync(staff, id, type: "single_select");
        var option = await AddOptionAsync(staff, id, question, "Yes", 0);
        var created = (await Checklist(id).GetQuestionAsync(staff, question)).Created;
        var definition = new QuestionDefinition { Description = "Pick one", QuestionType = "multi_select", Required = true };

        var updated = await Checklist(id).UpdateQuestionAsync(staff, question, definition);

        Assert.Equal(definition, updated.Definition);
        Assert.Equal(created, updated.Created);
        Assert.Equal([option], updated.Options.Select(o => o.Id));
        Assert.Equal(definition, (await Checklist(id).GetQuestionAsync(staff, question)).Definition);
    }

    [Fact]
    public async Task An_invalid_question_is_refused_and_not_stored()
    {
        var (staff, id) = await ChecklistAsync();
        var questionId = Guid.NewGuid();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Checklist(id).AddQuestionAsync(staff, questionId, new QuestionDefinition { QuestionType = "likert" }));

        Assert.True(error.Errors.ContainsKey("likert_scale_length"));
        Assert.Equal(0, (await Checklist(id).GetAsync(staff)).QuestionsCount);
        await Assert.ThrowsAsync<NotFoundException>(() => Checklist(id).GetQuestionAsync(staff, questionId));
        Assert.Null(await LocatedChecklistAsync(questionId));
    }

    [Fact]
    public async Task An_invalid_update_is_refused_and_leaves_the_question_unchanged()
    {
        var (staff, id) = await ChecklistAsync();
        var question = await AddQuestionAsync(staff, id, description: "Original");
        await Assert.ThrowsAsync<ValidationException>(() =>
            Checklist(id).UpdateQuestionAsync(staff, question, new QuestionDefinition { Description = "Bad", QuestionType = "nope" }));
        Assert.Equal("Original", (await Checklist(id).GetQuestionAsync(staff, question)).Definition.Description);
    }

    [Fact]
    public async Task Deleting_a_question_removes_it_and_clears_its_and_its_options_locators()
    {
        var (staff, id) = await ChecklistAsync();
        var kept = await AddQuestionAsync(staff, id);
        var question = await AddQuestionAsync(staff, id, type: "multi_select");
        var option = await AddOptionAsync(staff, id, question, "A", 0);

        await Checklist(id).DeleteQuestionAsync(staff, question);

        await Assert.ThrowsAsync<NotFoundException>(() => Checklist(id).GetQuestionAsync(staff, question));
        await Assert.ThrowsAsync<NotFoundException>(() => Checklist(id).GetOptionAsync(staff, option));
        Assert.Equal([kept], (await Checklist(id).GetQuestionsAsync(staff)).Select(q => q.Id));
        Assert.Equal(1, (await Checklist(id).GetAsync(staff)).QuestionsCount);
        Assert.Null(await LocatedChecklistAsync(question));
        Assert.Null(await LocatedChecklistAsync(option));
        Assert.Equal(id, await LocatedChecklistAsync(kept));
        await Assert.ThrowsAsync<NotFoundException>(() => Checklist(id).DeleteQuestionAsync(staff, question));
    }

    [Fact]
    public async Task A_question_of_another_checklist_is_not_found_through_this_one()
    {
        var (staff, first) = await ChecklistAsync();
        var second = await _world.CreateChecklistAsync(staff);
        var question = await AddQuestionAsync(staff, first);
        await Assert.ThrowsAsync<NotFoundException>(() => Checklist(second).GetQuestionAsync(staff, question));
        await Assert.ThrowsAsync<NotFoundException>(() => Checklist(second).DeleteQuestionAsync(staff, question));
        Assert.Equal(first, await LocatedChecklistAsync(question));
    }

    [Fact]
    public async Task Questions_show_the_checklists_current_name()
    {
        var (staff, id) = await ChecklistAsync("Before");
        var question = await AddQuestionAsync(staff, id);
        await Checklist(id).UpdateAsync(staff, new ChecklistFields("After", "", "offering_compliance"));
        Assert.Equal("After", (await Checklist(id).GetQuestionAsync(staff, question)).ChecklistName);
    }

    // --- options ---

    [Fact]
    public async Task Options_belong_to_their_question_and_come_in_order()
    {
        var (staff, id) = await ChecklistAsync();
        var question = await AddQuestionAsync(staff, id, type: "single_select");
        var third = await AddOptionAsync(staff, id, question, "Maybe", 3);
        var first = await AddOptionAsync(staff, id, question, "Yes", 1);
        var second = await AddOptionAsync(staff, id, question, "No", 2);

        var options = (await Checklist(id).GetQuestionAsync(staff, question)).Options;

        Assert.Equal([first, second, third], options.Select(o => o.Id));
        Assert.Equal(["Yes", "No", "Maybe"], options.Select(o => o.Label));
        Assert.All(options, o => Assert.Equal(question, o.QuestionId));
        var read = await Checklist(id).GetOptionAsync(staff, first);
        Assert.Equal(new OptionView(first, question, "Yes", 1), read);
        Assert.Equal(id, await LocatedChecklistAsync(first));
    }

    [Fact]
    public async Task Updating_an_option_changes_its_label_and_position()
    {
        var (staff, id) = await ChecklistAsync();
        var question = await AddQuestionAsync(staff, id, type: "single_select");
        var a = await AddOptionAsync(staff, id, question, "A", 1);
        var b = await AddOptionAsync(staff, id, question, "B", 2);

        var updated = await Checklist(id).UpdateOptionAsync(staff, a, "A+", 3);

        Assert.Equal(new OptionView(a, question, "A+", 3), updated);
        Assert.Equal([b, a], (await Checklist(id).GetQuestionAsync(staff, question)).Options.Select(o => o.Id));
    }

    [Fact]
    public async Task Deleting_an_option_removes_it_and_clears_its_locator()
    {
        var (staff, id) = await ChecklistAsync();
        var question = await AddQuestionAsync(staff, id, type: "single_select");
        var kept = await AddOptionAsync(staff, id, question, "Keep", 1);
        var option = await AddOptionAsync(staff, id, question, "Drop", 2);

        await Checklist(id).DeleteOptionAsync(staff, option);

        await Assert.ThrowsAsync<NotFoundException>(() => Checklist(id).GetOptionAsync(staff, option));
        Assert.Equal([kept], (await Checklist(id).GetQuestionAsync(staff, question)).Options.Select(o => o.Id));
        Assert.Null(await LocatedChecklistAsync(option));
        Assert.Equal(id, await LocatedChecklistAsync(kept));
        Assert.Equal(id, await LocatedChecklistAsync(question));
    }

    [Fact]
    public async Task An_option_for_an_unknown_question_is_not_found_and_not_located()
    {
        var (staff, id) = await ChecklistAsync();
        var option = Guid.NewGuid();
        await Assert.ThrowsAsync<NotFoundException>(() => Checklist(id).AddOptionAsync(staff, option, Guid.NewGuid(), "x", 0));
        Assert.Null(await LocatedChecklistAsync(option));
    }

    // --- modified ---

    [Fact]
    public async Task Every_edit_of_questions_or_options_advances_modified()
    {
        var (staff, id) = await ChecklistAsync();
        var last = await ModifiedAsync(staff, id);

        async Task AssertAdvancedAsync(string edit)
        {
            var now = await ModifiedAsync(staff, id);
            Assert.True(now > last, $"modified did not advance after {edit}");
            last = now;
        }

        var question = await AddQuestionAsync(staff, id, type: "single_select");
        await AssertAdvancedAsync("adding a question");
        await Checklist(id).UpdateQuestionAsync(staff, question, new QuestionDefinition { QuestionType = "single_select", Required = true });
        await AssertAdvancedAsync("updating a question");
        var option = await AddOptionAsync(staff, id, question, "A", 0);
        await AssertAdvancedAsync("adding an option");
        await Checklist(id).UpdateOptionAsync(staff, option, "B", 1);
        await AssertAdvancedAsync("updating an option");
        await Checklist(id).DeleteOptionAsync(staff, option);
        await AssertAdvancedAsync("deleting an option");
        await Checklist(id).DeleteQuestionAsync(staff, question);
        await AssertAdvancedAsync("deleting a question");
    }

    [Fact]
    public async Task Reading_does_not_change_modified()
    {
        var (staff, id) = await ChecklistAsync();
        var question = await AddQuestionAsync(staff, id);
        var before = await ModifiedAsync(staff, id);
        await Checklist(id).GetQuestionsAsync(staff);
        await Checklist(id).GetQuestionAsync(staff, question);
        await Checklist(id).FindAsync();
        Assert.Equal(before, await ModifiedAsync(staff, id));
    }
}

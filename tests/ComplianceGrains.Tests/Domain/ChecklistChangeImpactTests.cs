using ComplianceGrains.Domain;

namespace ComplianceGrains.Tests.Domain;

public sealed class ChecklistChangeImpactTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();

    [Fact]
    public void Attaching_creates_one_completion_per_offering_user() => Assert.Equal(new ChecklistChangeImpact(7, 0), ChecklistChangeImpact.Of(null, A, 7, 0));

    [Fact]
    public void Detaching_archives_the_current_completions() => Assert.Equal(new ChecklistChangeImpact(0, 5), ChecklistChangeImpact.Of(A, null, 7, 5));

    [Fact]
    public void Changing_archives_the_current_completions_and_creates_new_ones() => Assert.Equal(new ChecklistChangeImpact(7, 5), ChecklistChangeImpact.Of(A, B, 7, 5));

    [Fact]
    public void Choosing_the_same_checklist_changes_nothing() => Assert.Equal(new ChecklistChangeImpact(0, 0), ChecklistChangeImpact.Of(A, A, 7, 5));
}

using ComplianceGrains.WebApi.Web;

namespace ComplianceGrains.Tests.Domain.WebApi;

public sealed class ManualOrderTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    [Fact]
    public void Moving_up_swaps_with_the_previous_item_and_the_first_stays_first()
    {
        Assert.Equal([A, C, B], ManualOrder.Move([A, B, C], C, up: true));
        Assert.Equal([A, B, C], ManualOrder.Move([A, B, C], A, up: true));
        Assert.Equal([A, B, C], ManualOrder.Move([A, B, C], C, up: false));
    }

    [Fact]
    public void Renumbering_writes_only_the_items_whose_number_changes()
    {
        // Questions created with the default order 0 all share it; the first move numbers them all.
        Assert.Equal([(B, 1), (A, 2), (C, 3)], ManualOrder.Renumber([(A, 0), (B, 0), (C, 0)], [B, A, C]));
        Assert.Equal([(C, 2), (B, 3)], ManualOrder.Renumber([(A, 1), (B, 2), (C, 3)], [A, C, B]));
    }

    [Fact]
    public void Ids_the_wanted_order_leaves_out_keep_their_places_after_it_and_unknown_ids_are_ignored()
    {
        Assert.Equal([(C, 1), (A, 2), (B, 3)], ManualOrder.Renumber([(A, 1), (B, 2), (C, 3)], [C, Guid.NewGuid()]));
    }
}

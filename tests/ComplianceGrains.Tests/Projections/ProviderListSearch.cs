using ComplianceGrains.Compliance;
using ComplianceGrains.Marketplace;
using ComplianceGrains.Projections;

namespace ComplianceGrains.Tests.Projections;

/// <summary>
/// The search and reverse order of a provider's list, as every projection must answer them: a part of the full name
/// or e-mail, any case, wildcards taken literally; the reverse order is the list order backwards, page by page.
/// </summary>
public static class ProviderListSearch
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    public static async Task CheckAsync(IComplianceProjection projection)
    {
        var provider = Guid.NewGuid();
        var offering = Guid.NewGuid();
        var rows = new[] { ("Zoe Quinn", "zoe@example.com"), ("adam smith", "adam@corp.example"), ("Mia 100%", "mia@example.com"), ("Bo", "bo_smith@example.com") }
            .Select(user => Row(provider, offering, user.Item1, user.Item2))
            .ToList();
        foreach (var row in rows) await projection.UpsertAsync(row);

        async Task<List<string>> NamesAsync(string? search, bool descending = false, int offset = 0, int limit = 100) =>
            (await projection.ListProviderOfferingUsersAsync(provider, new ProviderOfferingUserFilter(null, null, search, descending), new PageRequest(offset, limit)))
            .Items.Select(r => r.OfferingUser.UserFullName).ToList();

        Assert.Equal(["Bo", "Mia 100%", "Zoe Quinn", "adam smith"], await NamesAsync(null));
        Assert.Equal(["adam smith", "Zoe Quinn", "Mia 100%", "Bo"], await NamesAsync(null, descending: true));
        Assert.Equal(["Zoe Quinn", "Mia 100%"], await NamesAsync(null, descending: true, offset: 1, limit: 2));
        Assert.Equal(["Bo", "adam smith"], await NamesAsync("SMITH"));
        Assert.Equal(["adam smith"], await NamesAsync("corp.EXAMPLE"));
        Assert.Equal(["Mia 100%"], await NamesAsync("0%"));
        Assert.Equal(["Bo"], await NamesAsync("o_s"));
        Assert.Empty(await NamesAsync("nobody"));
        var page = await projection.ListProviderOfferingUsersAsync(provider, new ProviderOfferingUserFilter(null, null, "example", true), new PageRequest(1, 2));
        Assert.Equal(4, page.TotalCount);
        Assert.Equal(["Zoe Quinn", "Mia 100%"], page.Items.Select(r => r.OfferingUser.UserFullName));
    }

    private static OfferingUserSnapshot Row(Guid provider, Guid offering, string name, string email) => new(
        new OfferingUserView(Guid.NewGuid(), offering, "Offering", Guid.NewGuid(), provider, Guid.NewGuid(), "user", name, email,
            "user", "OK", false, false, Now, Now),
        "Customer", null, 1, Deleted: false);
}

public sealed class InMemoryProviderListSearchTests
{
    [Fact]
    public Task The_in_memory_projection_searches_and_reverses_a_provider_list() => ProviderListSearch.CheckAsync(new InMemoryComplianceProjection(TimeProvider.System));
}

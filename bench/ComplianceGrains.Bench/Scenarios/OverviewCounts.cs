using System.Diagnostics;
using ComplianceGrains.Bench.Http;
using ComplianceGrains.Bench.Seeding;

namespace ComplianceGrains.Bench.Scenarios;

/// <summary>Reads a provider's compliance_overview/ counts (summed over its offerings, or for one offering).</summary>
public static class OverviewCounts
{
    public static async Task<(long Total, long WithCompletions)> ReadAsync(ApiClient api, SeededProvider provider, string? offering = null)
    {
        var rows = (await api.GetJsonAsync(Operations.OverviewPath(provider))).EnumerateArray()
            .Where(row => offering is null || row.Text("offering_uuid") == offering).ToList();
        return (rows.Sum(r => r.Number("total_users")), rows.Sum(r => r.Number("users_with_completions")));
    }

    /// <summary>Each offering's total_users, completed_users and pending_users, by offering id.</summary>
    public static async Task<IReadOnlyDictionary<string, OfferingCounts>> ReadPerOfferingAsync(ApiClient api, SeededProvider provider) =>
        (await api.GetJsonAsync(Operations.OverviewPath(provider))).EnumerateArray().ToDictionary(
            row => row.Text("offering_uuid"),
            row => new OfferingCounts(row.Number("total_users"), row.Number("completed_users"), row.Number("pending_users")));

    /// <summary>Waits until the overview counts every seeded offering user (a projection may lag the writes).</summary>
    public static async Task WaitForTotalAsync(ApiClient api, SeededProvider provider, long expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (total, _) = await ReadAsync(api, provider);
            if (total == expected) return;
            if (clock.Elapsed > timeout) throw new BenchException($"compliance_overview/ counts {total} offering users, expected {expected}");
            await Task.Delay(200);
        }
    }
}
